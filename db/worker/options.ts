import type { RunnerOptions } from "graphile-worker";
import { mailTasks } from "../mail/tasks";
import { workerLogger } from "./logger";

/**
 * How each app process works the mail queue (supervisor.ts keeps it running). Every instance
 * runs one; graphile-worker hands each job to exactly one of them (SKIP LOCKED) and retries
 * failures with exponential backoff.
 */
export function mailWorkerOptions(connectionString: string): RunnerOptions {
  return {
    connectionString,
    concurrency: 2,
    maxPoolSize: 3,
    pollInterval: 2000,
    logger: workerLogger,
    noHandleSignals: true,
    // Hourly, at a minute past: expired sign-in links, old development mail and sent mail, spent counters.
    crontab: "1 * * * * purgeExpired",
    taskList: {
      purgeExpired: async () => {
        const { purgeExpired } = await import("../retention");
        await purgeExpired();
      },
      ...mailTasks,
    },
  };
}
