// The mail queue worked by a process of its own (`npm run worker`), for deployments that send
// mail from another machine, their app instances started with RINGMEET_WORKER=0 (on the
// instances' own machine it slows a rush: docs/PERFORMANCE.md). npm run build bundles this file
// beside the build (scripts/app-server.ts, bundleLauncher); `scripts/start.mjs mail-worker` runs it.
import { parseEnv } from "../lib/env";
import { closeDatabasePool } from "../db/client";
import { startMailWorker } from "../db/worker/supervisor";

const env = parseEnv(process.env);
const worker = startMailWorker(env.databaseUrl);
// One line once it reaches the database (a deployment check and an operator both wait for it).
const ready = setInterval(() => {
  if (worker.status() !== "ok") return;
  clearInterval(ready);
  console.error("[worker] working the mail queue (SIGTERM or SIGINT stops it)");
}, 100);

async function stop(signal: string): Promise<void> {
  clearInterval(ready);
  console.error(`[worker] ${signal}: finishing the mails in hand`);
  await worker.stop();
  await closeDatabasePool();
  process.exit(0);
}
process.once("SIGTERM", () => void stop("SIGTERM"));
process.once("SIGINT", () => void stop("SIGINT"));
