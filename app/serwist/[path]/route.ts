import { createSerwistRoute } from "@serwist/turbopack";

// Serves the service worker (app/serwist/sw.ts, bundled by esbuild) at /serwist/sw.js. The route is
// static: `next build` bundles it once, with the precache list of that build's /_next/static files.
// @serwist/turbopack is serwist's integration for Turbopack, which `next build` uses here;
// @serwist/next's classic plugin hooks into webpack and would not run.
export const { dynamic, dynamicParams, revalidate, generateStaticParams, GET } = createSerwistRoute({
  swSrc: "app/serwist/sw.ts",
  // The native esbuild package (a dependency already); the default, esbuild-wasm, is not installed.
  useNativeEsbuild: true,
  // serwist's default list leaves out fonts; the page should keep its typeface offline too.
  globPatterns: [
    `${(process.env.NEXT_DIST_DIR || ".next").replace(/^\.\//, "")}/static/**/*.{js,css,svg,woff2,webmanifest}`,
  ],
});
