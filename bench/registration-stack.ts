import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrateDatabase } from "../db/migrate";
import { build, needsBuild, startNext } from "../scripts/app-server";
import { stopProcess } from "../scripts/next-process";
import { ensureDatabase, freePort, startEmbeddedPostgres, type RunningPostgres } from "../scripts/embedded-postgres";
import { BENCH_DIST_DIR, benchEnv } from "./stack";

/**
 * `pids`: the app processes and the PostgreSQL server, for CPU accounting (bench/cpu.ts); `apps`
 * and `postgres` for the fault runs (bench/faults.ts), which stop and restart them.
 */
export type TwoInstances = {
  urls: string[];
  databaseUrl: string;
  /** `worker`: the mail worker's own process, when it runs apart from the apps (see below). */
  pids: { apps: number[]; worker?: number; postgres: number };
  apps: ChildProcess[];
  postgres: RunningPostgres;
  /** Stops the two app processes and the mail worker, leaving PostgreSQL up (pgbench then runs on a quiet database). */
  stopApps: () => Promise<void>;
  stop: () => Promise<void>;
};

/**
 * One embedded PostgreSQL (max_connections=200, in a temporary folder) and two `next start`
 * processes on it: same DATABASE_URL and AUTH_SECRET, each with its own origin as APP_URL and
 * AUTH_URL, each working the mail queue like a production instance. BENCH_MAIL_WORKER=apart
 * runs the queue in a process of its own instead (`npm run worker`, the apps started with
 * RINGMEET_WORKER=0); RINGMEET_WORKER=0 runs no worker at all. `stop()` ends them all.
 * BENCH_PORT_BASE (e.g. 3700) pins the two app ports to BASE and BASE+1; else free ports.
 */
export async function startTwoInstances(): Promise<TwoInstances> {
  const workDir = mkdtempSync(path.join(os.tmpdir(), "ringmeet-burst-"));
  // As root the server runs as `postgres`, which must pass through mkdtemp's 0700 folder.
  chmodSync(workDir, 0o755);
  const dataDir = path.join(workDir, "pg");
  const pg = await startEmbeddedPostgres({ dataDir, port: await freePort(), flags: ["-c", "max_connections=200"] });
  const apps: ChildProcess[] = [];
  const workers: ChildProcess[] = [];
  const stopApps = async () => {
    await Promise.all([...apps, ...workers].map((app) => stopProcess(app)));
  };
  const stop = async () => {
    await stopApps();
    await pg.stop();
    rmSync(workDir, { recursive: true, force: true });
  };
  try {
    await ensureDatabase(pg.url("postgres"), "ringmeet_burst");
    const databaseUrl = pg.url("ringmeet_burst");
    await migrateDatabase(databaseUrl);
    const base = Number(process.env.BENCH_PORT_BASE ?? 0);
    const ports = base ? [base, base + 1] : [await freePort(), await freePort()];
    const shared = benchEnv(databaseUrl);
    process.env.NEXT_DIST_DIR = BENCH_DIST_DIR;
    // BENCH_REBUILD=1 always builds; =0 serves whatever build is there (sources may be newer).
    const rebuild = process.env.BENCH_REBUILD === "1" || (process.env.BENCH_REBUILD !== "0" && needsBuild());
    if (rebuild) {
      console.log(`Building into ${BENCH_DIST_DIR} (about a minute)…`);
      build(shared);
    }
    // Auth.js and the server-action origin check both go by the request's host: localhost, as in `npm test`.
    const urls = ports.map((port) => `http://localhost:${port}`);
    // On these two cores a worker apart sends the burst's mails at once, beside it: slower
    // (docs/PERFORMANCE.md, "The mail worker in a process of its own").
    const apart = process.env.BENCH_MAIL_WORKER === "apart" && process.env.RINGMEET_WORKER !== "0";
    for (const [i, port] of ports.entries()) {
      const appEnv = { ...shared, PORT: String(port), APP_URL: urls[i], AUTH_URL: urls[i] };
      apps.push(await startNext(port, apart ? { ...appEnv, RINGMEET_WORKER: "0" } : appEnv));
    }
    if (apart)
      workers.push(
        spawn(process.execPath, [path.resolve("scripts/start.mjs"), "mail-worker"], {
          env: { ...shared, APP_URL: urls[0] },
          stdio: ["ignore", "inherit", "inherit"],
        }),
      );
    const postgresPid = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    return {
      urls,
      databaseUrl,
      pids: { apps: apps.map((a) => a.pid!), worker: workers[0]?.pid, postgres: postgresPid },
      apps,
      postgres: pg,
      stopApps,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
