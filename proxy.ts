import { NextResponse, type NextRequest } from "next/server";
import { isServedFromCache } from "@/app/events/public-slugs";
import { isLocale, LOCALE_COOKIE, resolveLocale } from "@/lib/locale";
import { isSlug } from "@/lib/slug";
import { contentSecurityPolicy, SHARED_CONTENT_SECURITY_POLICY } from "@/lib/content-security-policy";

// Cheap, per-request work only: the CSP and the choice of cached page. Authorisation happens in server code.

/**
 * GET /events/{slug} is served from Next's cache: rewritten to /events/{slug}/in/{locale}, which
 * is rendered once per event and language and shared by everybody. next.config.js's rewrites do
 * that for most visits without this proxy; it is reached only when the language must be ranked
 * from Accept-Language (or the slug is not one). One HTML for everybody cannot carry a
 * per-request nonce, so its scripts are allowed by origin and as inline ('self' 'unsafe-inline';
 * see docs/ARCHITECTURE.md for why that is acceptable there). Server actions (POST) are not
 * rewritten: they reach the per-request route, which follows the cookie they set.
 */
async function cachedEventPage(request: NextRequest): Promise<NextResponse | null> {
  if (request.method !== "GET" && request.method !== "HEAD") return null;
  const [, first, slug, ...rest] = request.nextUrl.pathname.split("/");
  if (first !== "events" || !slug || !isSlug(slug)) return null;
  // The shared copy itself (/events/{slug}/in/{locale}) is left out of the matcher (next.config.js
  // gives it its policy), but Next may pass this proxy's own rewrite through it again (the demo,
  // served on 127.0.0.1, does): no nonce may be baked into the one HTML for everybody.
  if (rest.length === 2 && rest[0] === "in" && isLocale(rest[1])) return withSharedPolicy(NextResponse.next());
  if (rest.length > 0) return null;
  // Only a public event's page is sent to the shared copy from here: anything else is answered per
  // request (the rewrites in next.config.js send every slug; the copy answers "not found" itself).
  if (!(await isServedFromCache(slug))) return null;
  const locale = resolveLocale(request.cookies.get(LOCALE_COOKIE)?.value, request.headers.get("accept-language"));
  const url = request.nextUrl.clone();
  url.pathname = `/events/${slug}/in/${locale}`;
  return withSharedPolicy(NextResponse.rewrite(url));
}

function withSharedPolicy(response: NextResponse): NextResponse {
  response.headers.set("Content-Security-Policy", SHARED_CONTENT_SECURITY_POLICY);
  return response;
}

/**
 * A path that does not decode (a stray "%", or escapes that are not UTF-8) makes Next's router
 * fail with a 500 after this proxy; a NUL byte in the path or query reaches a query, where
 * Postgres refuses it (another 500). No link of ours makes either, so they are a bad request here.
 */
function isMalformed(request: NextRequest): boolean {
  const { pathname, search } = request.nextUrl;
  if (pathname.includes("%00") || search.includes("%00")) return true;
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

/**
 * A POST whose multipart body does not parse: Next reads any multipart POST as a server action
 * (a form posted before JavaScript) and fails with a 500 on a body it cannot parse, before any code
 * of ours runs (the fuzzer found it). No browser sends one, so it is a bad request here.
 */
async function isUnparsableForm(request: NextRequest): Promise<boolean> {
  if (
    request.method !== "POST" ||
    !request.headers.get("content-type")?.toLowerCase().startsWith("multipart/form-data")
  )
    return false;
  try {
    await request.clone().formData();
    return false;
  } catch {
    return true;
  }
}

const badRequest = () =>
  new NextResponse("Bad request", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });

export async function proxy(request: NextRequest) {
  if (isMalformed(request) || (await isUnparsableForm(request))) return badRequest();
  const cached = await cachedEventPage(request);
  if (cached) return cached;
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const dev = process.env.NODE_ENV !== "production";
  const https = (process.env.APP_URL ?? "").startsWith("https:");
  const csp = contentSecurityPolicy(`'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`, https);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

// The matcher must be a literal (Next reads it at build time). For /events/{slug} it is the
// complement of next.config.js's rewrites to the shared copy: proxy.test.ts checks the two.
export const config = {
  matcher: [
    {
      source:
        "/((?!api/|_next/static|_next/image|favicon.ico|icon|manifest|robots.txt|events/[^/]+(?:/in/(?:en|de))?$).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
    // An event page next.config.js leaves to this proxy: a request with a body (a form's POST),
    { source: "/events/:slug", has: [{ type: "header", key: "content-type" }] },
    // a language to rank from Accept-Language (no cookie, and the first choice not plainly ours),
    {
      source: "/events/:slug",
      has: [{ type: "header", key: "accept-language" }],
      missing: [
        { type: "cookie", key: "NEXT_LOCALE", value: "(?:en|de)" },
        { type: "header", key: "accept-language", value: "(?:en|de)(?:-[A-Za-z0-9]+)*\\s*(?:,.*)?" },
      ],
    },
    // or a path that is no slug (refused or not found here, per request).
    "/events/:slug((?![a-z0-9][a-z0-9-]{0,59}$)[^/]+)",
    // The development mailbox's JSON takes an address from the query: a NUL there is refused here too.
    "/api/dev/:path*",
    // A multipart POST under /api/ where no route handler takes it is read by Next as a server
    // action on the not-found page (the fuzzer found it): its body is checked here too. Next's own
    // test for such a POST is as case-sensitive as this one.
    { source: "/api/:path*", has: [{ type: "header", key: "content-type", value: "multipart/form-data.*" }] },
  ],
};
