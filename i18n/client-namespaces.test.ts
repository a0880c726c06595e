import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLIENT_NAMESPACES } from "./client-namespaces";
import { en } from "./messages";

function clientFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".tsx"))
    .map((e) => path.join(e.parentPath, e.name))
    .filter((file) => readFileSync(file, "utf8").startsWith('"use client"'));
}

function namespacesUsed(file: string): string[] {
  const source = readFileSync(file, "utf8");
  return [...source.matchAll(/useTranslations\(\s*"([^".]+)/g)].map((m) => m[1]!);
}

/** The namespaces the innermost provider above `route` gives (nested providers replace, not merge). */
function provided(route: string): readonly string[] {
  const areas = Object.keys(CLIENT_NAMESPACES).filter((area) => route.startsWith(`${area}/`));
  const innermost = areas.sort((a, b) => b.length - a.length)[0] as keyof typeof CLIENT_NAMESPACES | undefined;
  return innermost ? CLIENT_NAMESPACES[innermost] : [];
}

describe("client message namespaces", () => {
  const files = clientFiles("app");

  it("finds the client components (the scan itself works)", () => {
    expect(files.length).toBeGreaterThan(20);
    expect(files.some((f) => namespacesUsed(f).includes("roster"))).toBe(true);
  });

  it.each(files.map((f) => [f]))("%s gets every namespace it translates with", (file) => {
    const route = `/${path.relative("app", file).split(path.sep).join("/")}`;
    const missing = namespacesUsed(file).filter((ns) => !provided(route).includes(ns));
    expect(missing).toEqual([]);
  });

  it("puts every client component that needs next-intl's context under an area's provider", () => {
    const outside = files
      .filter((file) => /\buse(Translations|Formatter|Locale|Now|TimeZone|Messages)\(/.test(readFileSync(file, "utf8")))
      .map((file) => `/${path.relative("app", file).split(path.sep).join("/")}`)
      .filter((route) => !Object.keys(CLIENT_NAMESPACES).some((area) => route.startsWith(`${area}/`)));
    expect(outside).toEqual([]);
  });

  it("names only namespaces that exist", () => {
    for (const namespaces of Object.values(CLIENT_NAMESPACES))
      for (const ns of namespaces) expect(en).toHaveProperty(ns);
  });

  it("shared components take their words as props, since they render in any area", () => {
    const translating = clientFiles("components").filter((f) => namespacesUsed(f).length > 0);
    expect(translating).toEqual([]);
  });
});
