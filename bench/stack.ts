import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { migrateDatabase } from "../db/migrate";
import * as schema from "../db/schema";
import { seedDemo } from "../db/seed/demo";
import { build, needsBuild, startNext } from "../scripts/app-server";
import { stopProcess } from "../scripts/next-process";
import { ensureDatabase, freePort, startEmbeddedPostgres } from "../scripts/embedded-postgres";

export type Stack = { url: string; databaseUrl: string; distDir: string; stop: () => Promise<void> };

/**
 * A file in public/ that benches fill with bytes to compare against (git-ignored). `next start`
 * lists public/ once at start-up, so it must exist before; its content may change later.
 */
export const STATIC_FILE = { path: path.resolve("public/bench-static.html"), urlPath: "/bench-static.html" };

// Benches build into their own folder, so they never replace a build someone else is serving.
export const BENCH_DIST_DIR = process.env.BENCH_DIST_DIR ?? ".next-bench";

/**
 * A production server on loopback with its own embedded PostgreSQL (in a temporary folder) and
 * the demo data: what every bench measures against. `stop()` ends both and removes the folder.
 */
/** What every bench's app runs with: production, its own build folder, a fresh secret, mail kept in the development mailbox (none is sent while measuring). */
export function benchEnv(databaseUrl: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    NEXT_DIST_DIR: BENCH_DIST_DIR,
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    DEV_MAILBOX: "1",
    // The floor page and action (app/bench/floor-action) for `framework-floor-action`.
    RINGMEET_BENCH_FLOOR: "1",
  };
}

export async function startStack(): Promise<Stack> {
  const workDir = mkdtempSync(path.join(os.tmpdir(), "ringmeet-bench-"));
  // As root the server runs as `postgres`, which must pass through mkdtemp's 0700 folder.
  chmodSync(workDir, 0o755);
  const pg = await startEmbeddedPostgres({
    dataDir: path.join(workDir, "pg"),
    port: await freePort(),
    flags: ["-c", "max_connections=200"],
  });
  let app: ChildProcess | undefined;
  const stop = async () => {
    if (app) await stopProcess(app);
    await pg.stop();
    rmSync(workDir, { recursive: true, force: true });
    withPublicMtimeKept(() => rmSync(STATIC_FILE.path, { force: true }));
  };
  try {
    await ensureDatabase(pg.url("postgres"), "ringmeet_bench");
    const databaseUrl = pg.url("ringmeet_bench");
    await migrateDatabase(databaseUrl);
    const sql = postgres(databaseUrl, { max: 2, onnotice: () => {} });
    await seedDemo(drizzle(sql, { schema }));
    await sql.end();
    const port = await freePort();
    // localhost, like `npm test`: Auth.js redirects to the request host, which must match APP_URL.
    const url = `http://localhost:${port}`;
    const env: NodeJS.ProcessEnv = { ...benchEnv(databaseUrl), APP_URL: url, AUTH_URL: url, PORT: String(port) };
    // needsBuild() and `next build` read the folder from NEXT_DIST_DIR.
    process.env.NEXT_DIST_DIR = BENCH_DIST_DIR;
    if (process.env.BENCH_REBUILD === "1" || needsBuild()) {
      console.log(`Building into ${BENCH_DIST_DIR} (about a minute)…`);
      build(env);
    }
    withPublicMtimeKept(() => writeFileSync(STATIC_FILE.path, "<!doctype html><title>bench</title>"));
    app = await startNext(port, env);
    return { url, databaseUrl, distDir: BENCH_DIST_DIR, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

// public/ counts as a source for needsBuild(): adding or removing the bench file must not make
// the next run rebuild.
function withPublicMtimeKept(change: () => void): void {
  const dir = path.dirname(STATIC_FILE.path);
  mkdirSync(dir, { recursive: true });
  const before = statSync(dir);
  change();
  if (existsSync(dir)) utimesSync(dir, before.atime, before.mtime);
}
