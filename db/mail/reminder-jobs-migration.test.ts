import { rmSync } from "node:fs";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import { runMigrations } from "graphile-worker";
import postgres from "postgres";
import { afterAll, describe, expect, it, inject } from "vitest";
import { ensureDatabase } from "@/scripts/embedded-postgres";
import { migrationsUpTo } from "@/test/migrations";
import { uniqueSuffix } from "@/test/unique";
import { migrateDatabase } from "../migrate";

describe("migrating a database with reminder jobs scheduled per registration", () => {
  const url = new URL(inject("adminUrl"));
  url.pathname = `/reminder_jobs_${uniqueSuffix()}`;
  const sql = postgres(url.href, { max: 2, onnotice: () => {} });
  const folder = migrationsUpTo("0014_mail_outbox_pending");

  afterAll(async () => {
    await sql.end();
    rmSync(folder, { recursive: true, force: true });
    const admin = postgres(inject("adminUrl"), { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists "${url.pathname.slice(1)}" with (force)`).finally(() => admin.end());
  });

  it("withdraws them (the cron reminds now) and leaves every other job", async () => {
    await ensureDatabase(inject("adminUrl"), url.pathname.slice(1));
    await migrate(drizzle(sql), { migrationsFolder: folder });
    await runMigrations({ connectionString: url.href });
    for (const key of ["reminder:a", "reminder:b", "mail:c"])
      await sql`select graphile_worker.add_job('mail', '{}'::json, run_at := now() + interval '30 days', job_key := ${key})`;
    await migrateDatabase(url.href);
    const left = await sql<{ key: string }[]>`select key from graphile_worker._private_jobs order by key`;
    expect(left.map((j) => j.key)).toEqual(["mail:c"]);
  });
});
