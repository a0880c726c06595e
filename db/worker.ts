import { run, type Runner } from "graphile-worker";
import { mailTasks } from "./mail/tasks";
import { workerLogger } from "./worker-logger";

const cache = globalThis as unknown as { __ringmeetWorker?: Promise<Runner> };

/**
 * Works the mail queue inside this app process. Every instance runs one; graphile-worker hands
 * each job to exactly one of them (SKIP LOCKED) and retries failures with exponential backoff.
 */
export function startMailWorker(connectionString: string): Promise<Runner> {
  cache.__ringmeetWorker ??= run({
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
        const { purgeExpired } = await import("./retention");
        await purgeExpired();
      },
      ...mailTasks,
    },
  });
  return cache.__ringmeetWorker;
}
