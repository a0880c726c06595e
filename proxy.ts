import { NextResponse, type NextRequest } from "next/server";
import { isUnreadableActionForm } from "@/lib/action-form";
import { isLocale, LOCALE_COOKIE, resolveLocale } from "@/lib/locale";
import { isSlug } from "@/lib/slug";
import { contentSecurityPolicy, SHARED_CONTENT_SECURITY_POLICY } from "@/lib/content-security-policy";

// Cheap, per-request work only: the CSP and the choice of cached page. Authorisation happens in server code.

/** /events/{slug}/…: the slug's segment as sent, and the segments after it. */
type EventPath = { slug: string; rest: string[] };

function eventPath(pathname: string): EventPath | null {
  const [, first, slug, ...rest] = pathname.split("/");
  return first === "events" && slug ? { slug, rest } : null;
}

/**
 * GET /events/{slug} is served from Next's cache, one copy per event and language: English at that
 * address itself, German rewritten to /events/{slug}/in/de. next.config.js's rewrites do that for
 * most visits without this proxy; it is reached only when the language must be ranked from
 * Accept-Language. One HTML for everybody cannot carry a per-request nonce, so its scripts are
 * allowed by origin and as inline ('self' 'unsafe-inline'; see docs/ARCHITECTURE.md for why that
 * is acceptable there). Every slug goes to a copy, which answers "not found" itself.
 */
function cachedEventPage(request: NextRequest, { slug, rest }: EventPath): NextResponse | null {
  if ((request.method !== "GET" && request.method !== "HEAD") || !isSlug(slug)) return null;
  // The German copy itself (/events/{slug}/in/de) is left out of the matcher (next.config.js
  // gives it its policy), but Next may pass this proxy's own rewrite through it again (the demo,
  // served on 127.0.0.1, does): no nonce may be baked into the one HTML for everybody.
  if (rest.length === 2 && rest[0] === "in" && isLocale(rest[1])) return withSharedPolicy(NextResponse.next());
  if (rest.length > 0) return null;
  const locale = resolveLocale(request.cookies.get(LOCALE_COOKIE)?.value, request.headers.get("accept-language"));
  if (locale === "en") return withSharedPolicy(NextResponse.next());
  const url = request.nextUrl.clone();
  url.pathname = `/events/${slug}/in/${locale}`;
  return withSharedPolicy(NextResponse.rewrite(url));
}

/**
 * What /events/{x} must answer per request, rewritten to app/events/[slug]/per-request: a POST (a
 * server action, whose answer must follow the cookie it may just have set, which a cached copy
 * would not) and a path that is no slug ("not found", cached by nobody).
 */
function perRequestEventPage(request: NextRequest, { slug, rest }: EventPath): URL | null {
  if (rest.length > 0) return null;
  const url = request.nextUrl.clone();
  url.pathname = `/events/${slug}/per-request`;
  return url;
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
 * A POST whose multipart body Next cannot read: Next reads any multipart POST as a server action
 * (a form posted before JavaScript) and fails with a 500 on a body that does not parse (the fuzzer
 * found it), on a part header its parser refuses, or on a bound action's envelope React's decoder
 * cannot read (lib/action-form.ts), before any code of ours runs. No page of ours sends any of
 * them, so it is a bad request here.
 */
async function isUnreadableForm(request: NextRequest): Promise<boolean> {
  if (
    request.method !== "POST" ||
    !request.headers.get("content-type")?.toLowerCase().startsWith("multipart/form-data")
  )
    return false;
  try {
    return isUnreadableActionForm(await request.clone().formData());
  } catch {
    return true;
  }
}

const badRequest = () =>
  new NextResponse("Bad request", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });

export async function proxy(request: NextRequest) {
  if (isMalformed(request) || (await isUnreadableForm(request))) return badRequest();
  const event = eventPath(request.nextUrl.pathname);
  const cached = event && cachedEventPage(request, event);
  if (cached) return cached;
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const dev = process.env.NODE_ENV !== "production";
  const https = (process.env.APP_URL ?? "").startsWith("https:");
  const csp = contentSecurityPolicy(`'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`, https);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const perRequest = event && perRequestEventPage(request, event);
  const response = perRequest
    ? NextResponse.rewrite(perRequest, { request: { headers: requestHeaders } })
    : NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

// The matcher must be a literal (Next reads it at build time). For /events/{slug} it is the
// complement of next.config.js's rewrites to German and of the visits certainly English, which the
// English copy answers as they come: proxy.test.ts checks the three.
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
    // A path under /api/ with an escape in it, so that one that does not decode is refused here
    // too. No slug or id of ours is escaped, so the polled live counts never pass the proxy.
    "/api/:path(.*%.*)",
    // A multipart POST under /api/ where no route handler takes it is read by Next as a server
    // action on the not-found page (the fuzzer found it): its body is checked here too. Next's own
    // test for such a POST is as case-sensitive as this one.
    { source: "/api/:path*", has: [{ type: "header", key: "content-type", value: "multipart/form-data.*" }] },
  ],
};
