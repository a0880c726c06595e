import { Logger, quickAddJob, type RunnerOptions } from "graphile-worker";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSecondPostgres } from "@/test/app-database";
import { superviseWorker } from "./supervisor";

// graphile-worker against a PostgreSQL of its own, which the test stops and starts.

const quiet = new Logger(() => () => {});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000) {
  for (const deadline = Date.now() + timeoutMs; !(await check()); await sleep(50)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
  }
}

describe("the supervised mail worker", () => {
  let second: Awaited<ReturnType<typeof startSecondPostgres>>;
  beforeAll(async () => {
    second = await startSecondPostgres();
  });
  afterAll(async () => {
    await second?.dispose();
  });

  const options = (taskList: RunnerOptions["taskList"]): RunnerOptions => ({
    connectionString: second.url,
    concurrency: 1,
    pollInterval: 200,
    noHandleSignals: true,
    logger: quiet,
    taskList,
  });
  const fast = { firstMs: 100, maxMs: 400, giveUpMs: 1500 };

  // Fails on the unsupervised worker: run() rejects at boot and nothing starts it again.
  it(
    "starts once the database is there, comes back after a fast shutdown and restart, and stops",
    { timeout: 60_000 },
    async () => {
      await second.stop();
      const done: string[] = [];
      const worker = superviseWorker(
        options({ note: async (payload) => void done.push((payload as { n: string }).n) }),
        fast,
      );
      try {
        await sleep(1000);
        expect(worker.status()).toBe("down");
        await second.start();
        await until(() => worker.status() === "ok", "the worker runs");
        await quickAddJob({ connectionString: second.url, logger: quiet }, "note", { n: "before" });
        await until(() => done.includes("before"), "the first job is done");

        await second.stop();
        await until(() => worker.status() === "down", "health sees the worker down");
        await second.start();
        await until(() => worker.status() === "ok", "the worker is back");
        await quickAddJob({ connectionString: second.url, logger: quiet }, "note", { n: "after" });
        await until(() => done.includes("after"), "a job queued after the restart is done");
      } finally {
        await worker.stop();
      }
      expect(worker.status()).toBe("down");
    },
  );

  // Failed before the hand-back: the job stayed locked by the stopped runner (for four hours).
  it("runs again, after the outage, a job whose outcome a runner could not record", { timeout: 60_000 }, async () => {
    await second.start();
    let runs = 0;
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const worker = superviseWorker(
      options({
        held: async () => {
          runs++;
          if (runs === 1) await released;
        },
      }),
      fast,
    );
    try {
      await until(() => worker.status() === "ok", "the worker runs");
      await quickAddJob({ connectionString: second.url, logger: quiet }, "held", {});
      await until(() => runs === 1, "the job started");
      await second.stop();
      release(); // done, but its completion cannot be written: graphile-worker stops the runner
      await sleep(1500);
      await second.start();
      await until(() => runs === 2, "the job ran again once handed back", 30_000);
      const sql = postgres(second.url, { max: 1, onnotice: () => {} });
      try {
        await until(
          async () => (await sql`select count(*)::int as n from graphile_worker._private_jobs`)[0]!.n === 0,
          "the queue is empty",
        );
      } finally {
        await sql.end();
      }
    } finally {
      await worker.stop();
    }
  });

  // Hung before: stop() waited for graphile-worker's shutdown, which waits for the job for ever.
  it("on stop, gives up on a job that never ends", { timeout: 30_000 }, async () => {
    await second.start();
    let running = false;
    const worker = superviseWorker(options({ endless: () => ((running = true), new Promise<void>(() => {})) }), fast);
    await until(() => worker.status() === "ok", "the worker runs");
    await quickAddJob({ connectionString: second.url, logger: quiet }, "endless", {});
    await until(() => running, "the job started");
    const started = Date.now();
    await worker.stop();
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("on stop, finishes the job it is running and leaves none locked", { timeout: 30_000 }, async () => {
    await second.start();
    let running = false;
    let finished = false;
    const worker = superviseWorker(
      options({
        slow: async () => {
          running = true;
          await sleep(800);
          finished = true;
        },
      }),
      fast,
    );
    await until(() => worker.status() === "ok", "the worker runs");
    await quickAddJob({ connectionString: second.url, logger: quiet }, "slow", {});
    await until(() => running, "the job started");
    await worker.stop();
    expect(finished).toBe(true);
    const sql = postgres(second.url, { max: 1, onnotice: () => {} });
    try {
      const [row] =
        await sql`select count(*)::int as jobs, count(locked_by)::int as locked from graphile_worker._private_jobs j
        join graphile_worker._private_tasks t on t.id = j.task_id where t.identifier = 'slow'`;
      expect(row).toEqual({ jobs: 0, locked: 0 });
    } finally {
      await sql.end();
    }
  });
});
