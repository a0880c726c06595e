import { readFileSync } from "node:fs";
import path from "node:path";

// What the build under test contains: its pages, route handlers and server actions, read from the
// manifests `next build` writes, so the matrix can insist on a row for each of them.

/** The build's folder: `npm test` builds into .next-test (scripts/test.ts passes NEXT_DIST_DIR on). */
export const distDir = () => path.resolve(process.env.NEXT_DIST_DIR ?? ".next-test");

const readJson = <T>(file: string): T => JSON.parse(readFileSync(path.join(distDir(), file), "utf8")) as T;

// Next's own entries, and the header slot's pages (rendered inside every page, never requested alone).
const INTERNAL = /^\/(_not-found|_global-error|@header)(\/|$)/;

function appPaths(): string[] {
  return Object.keys(readJson<Record<string, string>>("server/app-paths-manifest.json")).filter(
    (p) => !INTERNAL.test(p),
  );
}

/** Every page's route ("/garage/[id]/edit"), "/" for the home page. */
export function builtPages(): string[] {
  return appPaths()
    .filter((p) => p.endsWith("/page"))
    .map((p) => p.slice(0, -"/page".length) || "/")
    .sort();
}

/** Every route handler's route ("/api/health"). */
export function builtRoutes(): string[] {
  return appPaths()
    .filter((p) => p.endsWith("/route"))
    .map((p) => p.slice(0, -"/route".length))
    .sort();
}

type ReferenceManifest = {
  node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }>;
};

/** Every server action as "file#exportName" → its id in this build. */
export function builtActions(): Map<string, string> {
  const manifest = readJson<ReferenceManifest>("server/server-reference-manifest.json");
  return new Map(Object.entries(manifest.node).map(([id, ref]) => [`${ref.filename}#${ref.exportedName}`, id]));
}

/**
 * The pages whose forms post each action ("/garage/[id]/edit"): a form without JavaScript posts
 * to its own page, and Next answers 409 for an action the page does not hold.
 */
export function actionPages(): Map<string, string[]> {
  const manifest = readJson<ReferenceManifest>("server/server-reference-manifest.json");
  const page = (worker: string) => worker.replace(/^app/, "").replace(/\/page$/, "") || "/";
  return new Map(
    Object.values(manifest.node).map((ref) => [
      `${ref.filename}#${ref.exportedName}`,
      Object.keys(ref.workers)
        .filter((w) => !w.includes("@header"))
        .map(page),
    ]),
  );
}
