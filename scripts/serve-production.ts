import { serve } from "./serve";

// `npm start`, through scripts/start.mjs: the production server. `npm run build` bundles this file
// into the build folder as plain JavaScript, so it runs on the runtime packages alone (after
// `npm prune --omit=dev`). Nothing is defaulted here: APP_URL, AUTH_SECRET and SMTP_URL (or
// DEV_MAILBOX=1 on localhost) come from the environment, checked before the database is migrated.
await serve({
  settings: { PORT: process.env.PORT || "3000" },
  host: process.env.HOST || undefined,
  announce: (env) => console.log(`\nRingmeet is running at ${env.APP_URL} (port ${env.PORT}). Ctrl-C stops it.`),
});
