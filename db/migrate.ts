import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import { runMigrations } from "graphile-worker";
import path from "node:path";
import postgres from "postgres";
import { workerLogger } from "./worker/logger";

export const MIGRATIONS_FOLDER = path.join(import.meta.dirname, "migrations");

/**
 * Applies the committed drizzle-kit migrations and the mail queue's schema; safe to run any number
 * of times. `folder`: where the SQL is when this code runs bundled elsewhere (scripts/serve.ts).
 */
export async function migrateDatabase(url: string, folder = MIGRATIONS_FOLDER): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await migrate(drizzle(sql), { migrationsFolder: folder });
  } finally {
    await sql.end();
  }
  // graphile-worker's own schema, so mails can be queued inside our transactions.
  await runMigrations({ connectionString: url, logger: workerLogger });
}
