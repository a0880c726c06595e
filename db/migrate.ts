import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import { runMigrations } from "graphile-worker";
import path from "node:path";
import postgres from "postgres";
import { workerLogger } from "./worker-logger";

export const MIGRATIONS_FOLDER = path.join(import.meta.dirname, "migrations");


/** Applies the committed drizzle-kit migrations and the mail queue's schema; safe to run any number of times. */
export async function migrateDatabase(url: string): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await migrate(drizzle(sql), { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await sql.end();
  }
  // graphile-worker's own schema, so mails can be queued inside our transactions.
  await runMigrations({ connectionString: url, logger: workerLogger });
}
