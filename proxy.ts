import { NextResponse, type NextRequest } from "next/server";
import { isServedFromCache } from "@/app/events/public-slugs";
import { isLocale, LOCALE_COOKIE, resolveLocale } from "@/lib/locale";
import { isSlug } from "@/lib/slug";

// Cheap, per-request work only: the CSP and the choice of cached page. Authorisation happens in server code.

function contentSecurityPolicy(scriptSrc: string): string {
  const https = (process.env.APP_URL ?? "").startsWith("https:");
  return [
    "default-src 'self'",
    `script-src ${scriptSrc}`,
    // Inline style attributes (colour swatches) need this; scripts are governed above.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/**
 * GET /events/{slug} is served from Next's cache: rewritten to /events/{slug}/in/{locale}, which
 * is rendered once per event and language and shared by everybody. One HTML for everybody cannot
 * carry a per-request nonce, so its scripts are allowed by origin and as inline ('self'
 * 'unsafe-inline'; see docs/ARCHITECTURE.md for why that is acceptable there). Server actions
 * (POST) are not rewritten: they reach the per-request route, which follows the cookie they set.
 */
async function cachedEventPage(request: NextRequest): Promise<NextResponse | null> {
  if (request.method !== "GET" && request.method !== "HEAD") return null;
  const [, first, slug, ...rest] = request.nextUrl.pathname.split("/");
  if (first !== "events" || !slug || !isSlug(slug)) return null;
  // The shared copy itself (/events/{slug}/in/{locale}): reached by the rewrite below, which Next
  // may pass through this proxy again (the demo, served on 127.0.0.1, does), or asked for
  // directly. Either way it is the one HTML for everybody: no nonce may be baked into it, and the
  // answer keeps the shared page's policy.
  if (rest.length === 2 && rest[0] === "in" && isLocale(rest[1])) return withSharedPolicy(NextResponse.next());
  if (rest.length > 0) return null;
  // Only a public event's page is shared: anything else is answered per request, so a "not found"
  // is never cached (here or by a CDN) and a just-published meet is found by its first visitor.
  if (!(await isServedFromCache(slug))) return null;
  const locale = resolveLocale(request.cookies.get(LOCALE_COOKIE)?.value, request.headers.get("accept-language"));
  const url = request.nextUrl.clone();
  url.pathname = `/events/${slug}/in/${locale}`;
  return withSharedPolicy(NextResponse.rewrite(url));
}

function withSharedPolicy(response: NextResponse): NextResponse {
  response.headers.set("Content-Security-Policy", contentSecurityPolicy("'self' 'unsafe-inline'"));
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
  const csp = contentSecurityPolicy(`'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico|icon|manifest|robots.txt).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
    // Prefetches of an event page must reach the same cached route as the visit.
    "/events/:slug",
    // The development mailbox's JSON takes an address from the query: a NUL there is refused here too.
    "/api/dev/:path*",
  ],
};
