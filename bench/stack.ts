import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { ensureDatabase, freePort, startEmbeddedPostgres } from "../db/embedded";
import { migrateDatabase } from "../db/migrate";
import * as schema from "../db/schema";
import { seedDemo } from "../db/seed/demo";
import { build, needsBuild, startNext } from "../scripts/app-server";

export type Stack = { url: string; databaseUrl: string; distDir: string; stop: () => Promise<void> };

// Benches build into their own folder, so they never replace a build someone else is serving.
export const BENCH_DIST_DIR = process.env.BENCH_DIST_DIR ?? ".next-bench";

/**
 * A production server on loopback with its own embedded PostgreSQL (in a temporary folder) and
 * the demo data: what every bench measures against. `stop()` ends both and removes the folder.
 */
export async function startStack(): Promise<Stack> {
  const workDir = mkdtempSync(path.join(os.tmpdir(), "ringmeet-bench-"));
  // As root the server runs as `postgres`, which must pass through mkdtemp's 0700 folder.
  chmodSync(workDir, 0o755);
  const pg = await startEmbeddedPostgres({ dataDir: path.join(workDir, "pg"), port: await freePort(), flags: ["-c", "max_connections=200"] });
  let app: ChildProcess | undefined;
  const stop = async () => {
    app?.kill("SIGTERM");
    await pg.stop();
    rmSync(workDir, { recursive: true, force: true });
  };
  try {
    await ensureDatabase(pg.url("postgres"), "ringmeet_bench");
    const databaseUrl = pg.url("ringmeet_bench");
    await migrateDatabase(databaseUrl);
    const sql = postgres(databaseUrl, { max: 2, onnotice: () => {} });
    await seedDemo(drizzle(sql, { schema }));
    await sql.end();
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      NEXT_DIST_DIR: BENCH_DIST_DIR,
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      APP_URL: url,
      AUTH_URL: url,
      PORT: String(port),
    };
    // needsBuild() and `next build` read the folder from NEXT_DIST_DIR.
    process.env.NEXT_DIST_DIR = BENCH_DIST_DIR;
    if (process.env.BENCH_REBUILD === "1" || needsBuild()) {
      console.log(`Building into ${BENCH_DIST_DIR} (about a minute)…`);
      build(env);
    }
    app = await startNext(port, env);
    return { url, databaseUrl, distDir: BENCH_DIST_DIR, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
