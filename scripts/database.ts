import { createHash } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { ensureDatabase, isTraversableByOthers, startEmbeddedPostgres } from "./embedded-postgres";

export type Database = { url: string; embedded: boolean; stop: () => Promise<void> };

/** Where the embedded server keeps its data: `.data/pg`, or a temp folder when root's postgres user cannot reach it. */
export function embeddedDataDir(): string {
  const preferred = path.resolve(".data/pg");
  if (process.getuid?.() !== 0 || isTraversableByOthers(preferred)) return preferred;
  const fallback = path.join(
    os.tmpdir(),
    `ringmeet-${createHash("sha1").update(process.cwd()).digest("hex").slice(0, 8)}`,
    "pg",
  );
  console.log(`Note: the postgres user cannot reach ${preferred}; the embedded database lives in ${fallback} instead.`);
  return fallback;
}

/** DATABASE_URL when it is set; otherwise the embedded PostgreSQL, started (or reused) here. */
export async function openDatabase(): Promise<Database> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, embedded: false, stop: async () => {} };
  const port = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
  const pg = await startEmbeddedPostgres({ dataDir: embeddedDataDir(), port });
  await ensureDatabase(pg.url("postgres"), "ringmeet");
  return { url: pg.url("ringmeet"), embedded: true, stop: pg.stop };
}
