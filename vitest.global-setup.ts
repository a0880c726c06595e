import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { migrateDatabase } from "./db/migrate";
import { ensureDatabase, freePort, startEmbeddedPostgres } from "./scripts/embedded-postgres";

declare module "vitest" {
  export interface ProvidedContext {
    /** The migrated database every test file shares (`ringmeet_test`). */
    databaseUrl: string;
    /** The same server's `postgres` database, for tests that need a database of their own. */
    adminUrl: string;
  }
}

/** One fresh embedded PostgreSQL per run, its data in a temporary folder removed afterwards. */
export default async function setup(project: TestProject) {
  const workDir = mkdtempSync(path.join(os.tmpdir(), "ringmeet-vitest-"));
  // mkdtemp makes the folder 0700; the server runs as the `postgres` OS user when we are root.
  chmodSync(workDir, 0o755);
  let stop: (() => Promise<void>) | undefined;
  try {
    const pg = await startEmbeddedPostgres({ dataDir: path.join(workDir, "pg"), port: await freePort() });
    stop = pg.stop;
    await ensureDatabase(pg.url("postgres"), "ringmeet_test");
    await migrateDatabase(pg.url("ringmeet_test"));
    project.provide("databaseUrl", pg.url("ringmeet_test"));
    project.provide("adminUrl", pg.url("postgres"));
  } catch (error) {
    await stop?.();
    rmSync(workDir, { recursive: true, force: true });
    throw error;
  }
  return async () => {
    await stop?.();
    rmSync(workDir, { recursive: true, force: true });
  };
}
