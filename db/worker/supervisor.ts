import { EventEmitter } from "node:events";
import { makeWorkerUtils, run, type Runner, type RunnerOptions, type WorkerEvents } from "graphile-worker";
import { db } from "../client";
import { keepDraining } from "../mail/outbox";
import { mailWorkerOptions } from "./options";

// graphile-worker reconnects its LISTEN connection by itself, but `run()` fails outright when the
// database is down at boot, and a runner that cannot record a job's outcome stops for good. The
// supervisor starts it again, with backoff, for as long as the process lives.

/** "ok": running and reaching the database; "down": not (yet) running, or lost its connection; "off": not started here. */
export type WorkerStatus = "ok" | "down" | "off";

export type MailWorker = { status: () => WorkerStatus; stop: () => Promise<void> };

type Timing = { firstMs: number; maxMs: number; giveUpMs: number };
/**
 * Backoff between starts; and how long a runner that is shutting down (asked to, or on its own)
 * may take before it is killed and left behind: a job that ignores the abort signal, or a pool
 * waiting on a database that is gone, would otherwise hold up the restart, or the process's exit.
 */
const TIMING: Timing = { firstMs: 500, maxMs: 10_000, giveUpMs: 8_000 };
/** A runner that lasted this long counts as recovered: the next failure starts the backoff afresh. */
const STABLE_MS = 60_000;

const log = (message: string) => console.error(`[worker] ${message}`);
const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Keeps a graphile-worker runner going with `options` until `stop()`: started again after
 * 0.5 s, 1 s, 2 s … (at most 10 s) whenever it fails to start or stops by itself. Jobs a failed
 * runner still held are handed back at once, not after graphile-worker's four-hour lock expiry.
 */
export function superviseWorker(options: RunnerOptions, timing: Timing = TIMING): MailWorker {
  let runner: Runner | undefined;
  let reaching = false;
  let stopping = false;
  let wake: (() => void) | undefined;
  let orphaned: string[] = [];

  async function runOnce(): Promise<void> {
    const events: WorkerEvents = new EventEmitter();
    // Jobs are locked in the name of the worker pool (graphile-worker 0.17), or of a worker.
    const lockerIds: string[] = [];
    events.on("pool:create", ({ workerPool }) => void lockerIds.push(workerPool.id));
    events.on("worker:create", ({ worker }) => void lockerIds.push(worker.workerId));
    // Reaching the database: whatever it last did, listening for new jobs or polling for one
    // (every pollInterval, also while listening) — so health is green soon after an outage,
    // before the LISTEN connection's own backoff has run out.
    for (const ok of ["pool:listen:success", "worker:getJob:empty", "job:start"] as const)
      events.on(ok, () => void (reaching = true));
    for (const failed of ["pool:listen:error", "worker:getJob:error"] as const)
      events.on(failed, () => void (reaching = false));
    const started = await run({ ...options, preset: flushOnStop(options.preset), events });
    let giveUp!: () => void;
    const givenUp = new Promise<void>((resolve) => (giveUp = resolve));
    let timer: NodeJS.Timeout | undefined;
    events.once("pool:gracefulShutdown", () => {
      reaching = false;
      timer = setTimeout(() => {
        log(`still shutting down after ${timing.giveUpMs / 1000} s; killed and left behind`);
        started.kill().catch(() => {});
        giveUp();
      }, timing.giveUpMs).unref();
    });
    runner = started;
    try {
      if (stopping) started.stop().catch(() => {});
      else if (orphaned.length) orphaned = await handBack(options, orphaned);
      await Promise.race([started.promise, givenUp]);
    } finally {
      clearTimeout(timer);
      // Stopped without being asked (a job's outcome could not be recorded, and graphile-worker
      // shut the pool down): whatever it held stays locked until handed back.
      if (!stopping) orphaned.push(...lockerIds);
      runner = undefined;
      reaching = false;
    }
  }

  const loop = (async () => {
    let failures = 0;
    while (!stopping) {
      const since = Date.now();
      let why = "it stopped by itself";
      try {
        await runOnce();
      } catch (error) {
        why = reason(error);
      }
      if (stopping) break;
      failures = Date.now() - since > STABLE_MS ? 1 : failures + 1;
      const delay = Math.min(timing.maxMs, timing.firstMs * 2 ** (failures - 1));
      log(`not running (${why}); trying again in ${(delay / 1000).toFixed(1)} s`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        wake = () => (clearTimeout(timer), resolve());
      });
      wake = undefined;
    }
  })();

  return {
    status: () => (runner && reaching ? "ok" : "down"),
    /**
     * Stops taking jobs; those running finish (after five seconds they are asked to abort, and
     * go back to the queue). Resolves within `giveUpMs` of a runner that does not stop.
     */
    async stop() {
      stopping = true;
      wake?.();
      runner?.stop().catch(() => {});
      await loop;
    },
  };
}

/**
 * Unbatched (the default), graphile-worker records a finished job without waiting, and a runner
 * stopped at that moment closes its pool first: the job stays locked for four hours. Batched
 * without delay, the same queries go out at once and stop() waits for them.
 */
function flushOnStop(preset: RunnerOptions["preset"]): RunnerOptions["preset"] {
  return { ...preset, worker: { ...preset?.worker, completeJobBatchDelay: 0, failJobBatchDelay: 0 } };
}

/** Unlocks the jobs of workers that died holding them; returns the ids it could not (database down). */
async function handBack(options: RunnerOptions, workerIds: string[]): Promise<string[]> {
  try {
    const utils = await makeWorkerUtils({ connectionString: options.connectionString, logger: options.logger });
    try {
      await utils.forceUnlockWorkers(workerIds);
    } finally {
      await utils.release();
    }
    return [];
  } catch (error) {
    log(`could not hand back the jobs of a stopped runner yet: ${reason(error)}`);
    return workerIds;
  }
}

const cache = globalThis as unknown as { __ringmeetWorker?: MailWorker };

/**
 * This process's mail worker (one per process, however often it is asked for), supervised, and
 * the drain that gives queued mails their jobs (db/mail/outbox.ts); `stop()` ends both.
 */
export function startMailWorker(connectionString: string): MailWorker {
  cache.__ringmeetWorker ??= withDrain(superviseWorker(mailWorkerOptions(connectionString)));
  return cache.__ringmeetWorker;
}

function withDrain(worker: MailWorker): MailWorker {
  const drain = keepDraining(db);
  return {
    status: worker.status,
    async stop() {
      await Promise.all([drain.stop(), worker.stop()]);
    },
  };
}

/** The mail worker's state, for /api/health: "off" when this process runs none (RINGMEET_WORKER=0). */
export const mailWorkerStatus = (): WorkerStatus => cache.__ringmeetWorker?.status() ?? "off";
