import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "../db/schema";
import { DEMO_EVENT_SLUG, seedDemo } from "../db/seed/demo";
import { authSecret, build, needsBuild } from "./app-server";
import { serve } from "./serve";

// `npm run demo`: the production build with the demo data and the development mailbox, on this
// machine only (127.0.0.1) unless HOST says otherwise. The mailbox answers loopback in any case.
const port = Number(process.env.PORT || 3000);
const appUrl = process.env.APP_URL || `http://localhost:${port}`;

await serve({
  settings: {
    AUTH_SECRET: authSecret(),
    APP_URL: appUrl,
    AUTH_URL: appUrl,
    PORT: String(port),
    // The mailbox, unless mail goes out by SMTP (lib/env.ts refuses both at once).
    ...(process.env.SMTP_URL ? {} : { DEV_MAILBOX: process.env.DEV_MAILBOX || "1" }),
  },
  async prepare(databaseUrl, env) {
    const sql = postgres(databaseUrl, { max: 2, onnotice: () => {} });
    const wrote = await seedDemo(drizzle(sql, { schema }));
    await sql.end();
    console.log(wrote ? "Seeded the demo meet." : "Demo data already present.");
    if (needsBuild()) {
      console.log("Building the app (about a minute, once)…");
      build(env);
    }
  },
  host: process.env.HOST || "127.0.0.1",
  announce() {
    console.log(`\nRingmeet is running at ${appUrl}`);
    console.log(`  Event:     ${appUrl}/events/${DEMO_EVENT_SLUG}`);
    console.log(`  Mailbox:   ${appUrl}/dev/mail  (every sign-in link lands here; it answers this machine only)`);
    console.log("  Accounts:  organiser@ringmeet.test (club admin), gate@ringmeet.test (gate staff),");
    console.log("             owner001@ringmeet.test … owner092@ringmeet.test — sign in with the e-mail link.");
    console.log("Press Ctrl-C to stop the app and the database.");
  },
});
