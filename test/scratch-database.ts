import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { inject } from "vitest";
import { migrateDatabase } from "@/db/migrate";
import * as schema from "@/db/schema";
import { ensureDatabase } from "@/scripts/embedded-postgres";
import { uniqueSuffix } from "./unique";

/**
 * A migrated database of its own on the run's server, for a test that counts rows exactly
 * and so cannot share `ringmeet_test` with files running in parallel.
 */
export async function openScratchDatabase(prefix: string) {
  const adminUrl = inject("adminUrl");
  const name = `${prefix}_${uniqueSuffix()}`;
  await ensureDatabase(adminUrl, name);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  await migrateDatabase(url.href);
  const sql = postgres(url.href, { max: 4, onnotice: () => {} });
  return {
    name,
    url: url.href,
    sql,
    db: drizzle(sql, { schema }),
    async drop() {
      await sql.end();
      const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
      try {
        await admin.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await admin.end();
      }
    },
  };
}
