import { expect, test } from "../fixtures";

// What public/ serves: robots.txt, and the PNG icons installing the gate app needs (the
// manifest lists them beside the SVG).

type Rule = { allow: boolean; pattern: RegExp; length: number };

/** The rules for every crawler (`User-agent: *`), read the way RFC 9309 says: `*` and `$` work. */
function rulesForEveryone(robots: string): Rule[] {
  const rules: Rule[] = [];
  let forEveryone = false;
  for (const line of robots
    .split("\n")
    .map((l) => l.replace(/#.*/, "").trim())
    .filter(Boolean)) {
    const [field = "", value = ""] = line.split(/:\s*/, 2);
    if (/^user-agent$/i.test(field)) forEveryone = value === "*";
    else if (forEveryone && /^(allow|disallow)$/i.test(field) && value) {
      const source = value.replace(/[.+?^{}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*");
      rules.push({ allow: /^allow$/i.test(field), pattern: new RegExp(`^${source}`), length: value.length });
    }
  }
  return rules;
}

/** The longest matching rule decides; with none, or a tie, the path may be crawled. */
function crawlable(rules: Rule[], path: string): boolean {
  const matching = rules
    .filter((r) => r.pattern.test(path))
    .sort((a, b) => b.length - a.length || Number(b.allow) - Number(a.allow));
  return matching[0]?.allow ?? true;
}

/** A PNG's size from its header (IHDR: width and height at bytes 16 and 20). */
function pngSize(body: Buffer): string {
  expect(
    body.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
    "a PNG signature",
  ).toBe(true);
  return `${body.readUInt32BE(16)}x${body.readUInt32BE(20)}`;
}

const mediaType = (contentType = "") => contentType.split(";")[0]!.trim();

test("robots.txt lets crawlers read the public pages and keeps them out of the personal ones", async ({ request }) => {
  const response = await request.get("/robots.txt");
  expect(response.status()).toBe(200);
  expect(mediaType(response.headers()["content-type"])).toBe("text/plain");
  const rules = rulesForEveryone(await response.text());
  for (const path of ["/", "/events", "/events/1m-meet", "/events/1m-meet/draw", "/events/1m-meet/calendar.ics"]) {
    expect(crawlable(rules, path), `${path} may be crawled`).toBe(true);
  }
  for (const path of [
    "/organise",
    "/organise/events/1m-meet/roster",
    "/account",
    "/garage",
    "/garage/new",
    "/registrations",
    "/registrations/x",
    "/events/1m-meet/register",
    "/signin?callbackUrl=%2Fgarage",
    "/api/health",
    "/dev/mail",
    "/tickets/x",
    "/invitations/x",
  ]) {
    expect(crawlable(rules, path), `${path} is kept from crawlers`).toBe(false);
  }
});

test("every icon the manifest lists is served, with the type and size it claims", async ({ request }) => {
  const manifest = (await (await request.get("/manifest.webmanifest")).json()) as {
    icons: { src: string; sizes: string; type: string; purpose: string }[];
  };
  const pngs = manifest.icons.filter((icon) => icon.type === "image/png");
  expect(pngs.map((icon) => icon.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  expect(pngs.some((icon) => icon.purpose === "maskable")).toBe(true);
  for (const icon of manifest.icons) {
    const response = await request.get(icon.src);
    expect(response.status(), icon.src).toBe(200);
    expect(mediaType(response.headers()["content-type"]), icon.src).toBe(icon.type);
    if (icon.type === "image/png") expect(pngSize(await response.body()), icon.src).toBe(icon.sizes);
  }
  for (const src of ["/icon-192.png", "/icon-512.png"]) {
    const head = await request.head(src);
    expect(head.status(), `HEAD ${src}`).toBe(200);
    expect(mediaType(head.headers()["content-type"]), `HEAD ${src}`).toBe("image/png");
  }
});
