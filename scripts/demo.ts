import type { ChildProcess } from "node:child_process";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { migrateDatabase } from "../db/migrate";
import * as schema from "../db/schema";
import { DEMO_EVENT_SLUG, seedDemo } from "../db/seed/demo";
import { authSecret, build, needsBuild, startNext } from "./app-server";
import { openDatabase } from "./database";

// `npm run demo` (seed + mailbox) and `npm start` (neither) share this launcher.
const demo = process.argv.includes("--demo");
const port = Number(process.env.PORT ?? 3000);
const appUrl = process.env.APP_URL ?? `http://localhost:${port}`;

const database = await openDatabase();
let app: ChildProcess | undefined;
let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  app?.kill("SIGTERM");
  await database.stop();
  process.exit(code);
}
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));

try {
  await migrateDatabase(database.url);
  if (demo) {
    const sql = postgres(database.url, { max: 2, onnotice: () => {} });
    const wrote = await seedDemo(drizzle(sql, { schema }));
    await sql.end();
    console.log(wrote ? "Seeded the demo meet." : "Demo data already present.");
  }
  const env = {
    ...process.env,
    NODE_ENV: "production" as const,
    DATABASE_URL: database.url,
    AUTH_SECRET: authSecret(),
    APP_URL: appUrl,
    AUTH_URL: appUrl,
    PORT: String(port),
    ...(demo ? { DEV_MAILBOX: process.env.DEV_MAILBOX ?? "1" } : {}),
  };
  if (needsBuild()) {
    console.log("Building the app (about a minute, once)…");
    build(env);
  }
  const child = await startNext(port, env);
  app = child;
  child.on("exit", (code) => void stop(code ?? 0));
  console.log(`\nRingmeet is running at ${appUrl}`);
  if (demo) {
    console.log(`  Event:     ${appUrl}/events/${DEMO_EVENT_SLUG}`);
    console.log(`  Mailbox:   ${appUrl}/dev/mail  (every sign-in link lands here)`);
    console.log("  Accounts:  organiser@ringmeet.test (club admin), gate@ringmeet.test (gate staff),");
    console.log("             owner001@ringmeet.test … owner092@ringmeet.test — sign in with the e-mail link.");
  }
  console.log("Press Ctrl-C to stop the app and the database.");
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await stop(1);
}
