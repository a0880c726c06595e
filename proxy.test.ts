import { createRequire } from "node:module";
import fc from "fast-check";
import {
  getRewrittenUrl,
  unstable_doesMiddlewareMatch,
  unstable_getResponseFromNextConfig,
} from "next/experimental/testing/server";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import nextConfig from "./next.config.js";
import { config, proxy } from "./proxy";
import { isLocale, LOCALE_COOKIE, resolveLocale } from "./lib/locale";
import { isSlug } from "./lib/slug";

// English visits of /events/{slug} reach the English copy at that address as they come, and
// next.config.js rewrites German ones to theirs, without running proxy.ts; proxy.ts's matcher must
// catch every other one (or the language would be wrong, or a form's POST would reach a cached
// copy). The rules are checked with Next's own matching code, and the proxy by calling it.
type Visit = { path: string; cookie?: string; acceptLanguage?: string; contentType?: string };

// Next's own matching functions, applied to the rewrites as its router does (resolve-routes.js:
// the path, then `has`/`missing`, whose named groups join the parameters); Next's test helper for
// next.config.js drops those groups, so it is used for the headers only.
const nextFile = createRequire(import.meta.url);
const { matchHas, prepareDestination } = nextFile("next/dist/shared/lib/router/utils/prepare-destination.js");
const { getPathMatch } = nextFile("next/dist/shared/lib/router/utils/path-match.js");
const { beforeFiles } = (await nextConfig.rewrites!()) as { beforeFiles: Rewrite[] };
type Rewrite = { source: string; destination: string; has?: unknown[]; missing?: unknown[] };

function rewrite(path: string, headers: Record<string, string>, cookies: Record<string, string>): string | null {
  for (const rule of beforeFiles) {
    const params = getPathMatch(rule.source, {
      removeUnnamedParams: true,
      strict: true,
      sensitive: nextConfig.experimental?.caseSensitiveRoutes,
    })(path);
    const hasParams = params && matchHas({ headers, cookies }, {}, rule.has, rule.missing);
    if (!hasParams) continue;
    const { newUrl } = prepareDestination({
      appendParamsToQuery: false,
      destination: rule.destination,
      params: { ...params, ...hasParams },
      query: {},
    });
    return newUrl as string;
  }
  return null;
}

async function route({ path, cookie, acceptLanguage, contentType }: Visit) {
  const url = `http://localhost${path}`;
  const headers = {
    ...(acceptLanguage !== undefined ? { "accept-language": acceptLanguage } : {}),
    ...(contentType !== undefined ? { "content-type": contentType } : {}),
  };
  const cookies: Record<string, string> = cookie !== undefined ? { [LOCALE_COOKIE]: cookie } : {};
  const response = await unstable_getResponseFromNextConfig({
    url,
    nextConfig: { ...nextConfig, rewrites: undefined },
    headers,
    cookies,
  });
  return {
    rewrittenTo: rewrite(path, headers, cookies),
    policy: response.headers.get("content-security-policy"),
    proxy: unstable_doesMiddlewareMatch({ config, url, headers, cookies }),
  };
}

const slug = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/);
const tag = fc.constantFrom("en", "de", "fr", "en-GB", "de-AT", "DE", "*", "de_DE", "", "nl-BE");
const entry = fc
  .tuple(tag, fc.option(fc.constantFrom("0", "0.5", "1", "2", "x", "0.9")))
  .map(([t, q]) => (q === null ? t : `${t};q=${q}`));
const acceptLanguage = fc.option(
  fc
    .array(entry, { minLength: 1, maxLength: 4 })
    .map((entries) => entries.join(fc.sample(fc.constantFrom(",", ", "), 1)[0])),
  { nil: undefined },
);
const cookie = fc.option(fc.constantFrom("en", "de", "fr", "", "DE", "english", "xde"), { nil: undefined });
const contentType = fc.option(fc.constantFrom("multipart/form-data; boundary=x", "text/plain;charset=UTF-8"), {
  nil: undefined,
});

/** Where a visit ends: the German copy, the English one (its own address), or the proxy's choice. */
async function servedBy(visit: Visit): Promise<string> {
  const { rewrittenTo, proxy: proxied } = await route(visit);
  if (!proxied) return rewrittenTo ?? visit.path;
  expect(rewrittenTo).toBeNull();
  const headers = new Headers();
  if (visit.acceptLanguage !== undefined) headers.set("accept-language", visit.acceptLanguage);
  if (visit.contentType !== undefined) headers.set("content-type", visit.contentType);
  if (visit.cookie !== undefined) headers.set("cookie", `${LOCALE_COOKIE}=${visit.cookie}`);
  // A POST with a form that parses (the proxy refuses a multipart body that does not).
  const body = visit.contentType ? '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n' : null;
  const method = body ? "POST" : "GET";
  const response = await proxy(new NextRequest(`http://localhost${visit.path}`, { method, headers, body }));
  const url = getRewrittenUrl(response);
  return url ? new URL(url).pathname : visit.path;
}

describe("GET /events/{slug}: next.config.js's rewrites and proxy.ts", () => {
  it("reaches the shared copy in the language lib/locale.ts picks, and the proxy only when the language must be ranked", async () => {
    await fc.assert(
      fc.asyncProperty(slug, cookie, acceptLanguage, async (s, c, al) => {
        const visit = { path: `/events/${s}`, cookie: c, acceptLanguage: al };
        const { proxy: proxied, policy } = await route(visit);
        const locale = resolveLocale(c, al ?? null);
        const copy = locale === "en" ? `/events/${s}` : `/events/${s}/in/${locale}`;
        // What the rules' pattern takes but no slug is ("a-", "a--b") is "not found" wherever it goes.
        if (isSlug(s)) expect(await servedBy(visit)).toBe(copy);
        else expect([copy, `/events/${s}/per-request`]).toContain(await servedBy(visit));
        if (proxied) expect(!isLocale(c) && al !== undefined).toBe(true);
        expect(policy).toContain("script-src 'self' 'unsafe-inline';");
      }),
      { numRuns: 300 },
    );
  });

  it("agrees on the headers where a plain reading of the first choice would go wrong", async () => {
    for (const al of [
      "de, en;q=2",
      "en;q=0.1, de",
      "de-DE,de;q=0.9,en;q=0.8",
      "fr, de",
      "DE",
      "de_DE, en",
      " de",
      "de , en",
    ]) {
      const locale = resolveLocale(undefined, al);
      expect(await servedBy({ path: "/events/x", acceptLanguage: al }), al).toBe(
        locale === "en" ? "/events/x" : "/events/x/in/de",
      );
    }
  });

  it("sends a request with a body (a form's POST, a server action) through the proxy to the per-request page", async () => {
    await fc.assert(
      fc.asyncProperty(slug, cookie, acceptLanguage, contentType, async (s, c, al, ct) => {
        fc.pre(ct !== undefined);
        const { rewrittenTo, proxy } = await route({
          path: `/events/${s}`,
          cookie: c,
          acceptLanguage: al,
          contentType: ct,
        });
        expect(rewrittenTo).toBeNull();
        expect(proxy).toBe(true);
        expect(await servedBy({ path: `/events/${s}`, cookie: c, acceptLanguage: al, contentType: ct })).toBe(
          `/events/${s}/per-request`,
        );
      }),
      { numRuns: 100 },
    );
  });

  it("leaves what is no slug to the proxy (refused or not found per request), and the shared copy itself to neither", async () => {
    for (const path of ["/events/%zz", "/events/Caps", "/events/caf%C3%A9", "/events/-dash"]) {
      const { rewrittenTo, proxy } = await route({ path });
      expect({ path, rewrittenTo, proxy }).toEqual({ path, rewrittenTo: null, proxy: true });
    }
    for (const path of ["/events/Caps", "/events/-dash"]) expect(await servedBy({ path })).toBe(`${path}/per-request`);
    const copy = await route({ path: "/events/1m-meet/in/de" });
    expect(copy).toMatchObject({ rewrittenTo: null, proxy: false });
    expect(copy.policy).toContain("script-src 'self' 'unsafe-inline';");
    for (const path of ["/events/1m-meet/register", "/events", "/garage"])
      expect((await route({ path, acceptLanguage: "de" })).proxy).toBe(true);
    // Under /api/ only a multipart POST (checked for a body Next can read), the development mailbox
    // and a path with an escape (a slug or id of ours has none), refused when it does not decode.
    expect((await route({ path: "/api/events/x/counts" })).proxy).toBe(false);
    expect((await route({ path: "/api/nothing", contentType: "multipart/form-data; boundary=x" })).proxy).toBe(true);
    expect((await route({ path: "/api/nothing", contentType: "application/json" })).proxy).toBe(false);
    for (const path of ["/api/events/%zz/counts", "/api/x/%C3%28", "/api/events/caf%C3%A9/counts"])
      expect((await route({ path })).proxy, path).toBe(true);
    for (const path of ["/api/events/%zz/counts", "/api/x/%C3%28"])
      expect((await proxy(new NextRequest(`http://localhost${path}`))).status, path).toBe(400);
  });
});

describe("a form's POST the proxy refuses before Next's action decoder", () => {
  // A FormData sets its own multipart type; a raw body is sent as one.
  const post = (fields: [string, string][] | string) => {
    if (typeof fields === "string") {
      const headers = { "content-type": "multipart/form-data; boundary=x" };
      return proxy(new NextRequest("http://localhost/signin", { method: "POST", body: fields, headers }));
    }
    const body = new FormData();
    for (const [k, v] of fields) body.append(k, v);
    return proxy(new NextRequest("http://localhost/signin", { method: "POST", body }));
  };
  const bound = (args: string): [string, string][] => [
    ["$ACTION_REF_1", ""],
    ["$ACTION_1:0", JSON.stringify({ id: "7fc51ed3e44c53835140b227c138d1758264f864ab", bound: "$@1" })],
    ["$ACTION_1:1", args],
    ["email", "a@example.com"],
  ];

  it("answers 400 to a body that does not parse, a name Next's parser refuses, and an envelope React cannot read", async () => {
    const named = (name: string): [string, string][] => [...bound("[]"), [name, "1"]];
    for (const body of [
      "x",
      named("a\u0001b"),
      named("x".repeat(20_000)),
      bound("nojson"),
      bound('["$Q5"]'),
      bound("null"),
    ])
      expect((await post(body)).status, JSON.stringify(body)).toBe(400);
  });

  it("passes the envelope React writes (a form's useActionState) on to Next", async () => {
    const response = await post(bound('[{"ok":false,"message":"$$5 off"}]'));
    expect(response.status).toBe(200);
    expect(response.headers.get("x-middleware-next")).toBe("1");
  });
});
