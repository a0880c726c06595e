import { afterAll, inject } from "vitest";

// A hermetic configuration for env() in db/client.ts: the run's own database, test mode, no SMTP.
Object.assign(process.env, {
  DATABASE_URL: inject("databaseUrl"),
  NODE_ENV: "test",
  AUTH_SECRET: "vitest-auth-secret-0123456789",
  APP_URL: "http://localhost:3999",
});
delete process.env.SMTP_URL;
delete process.env.DEV_MAILBOX;

// Each test file closes the app's pool (db/client.ts caches it on globalThis) so workers exit cleanly.
afterAll(async () => {
  const cache = globalThis as unknown as {
    __ringmeetDb?: { sql?: { end: () => Promise<void> }; probe?: { end: () => Promise<void> } };
  };
  await Promise.all([cache.__ringmeetDb?.sql?.end(), cache.__ringmeetDb?.probe?.end()]);
  delete cache.__ringmeetDb;
});
