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
    // Hourly, at a minute past: expired sign-in links, old development mail and sent mail, spent
    // counters. At five past: places unpaid after their deadline are released. Every ten minutes:
    // offers whose own job did not run on time (the worker was down) expire. Every five minutes:
    // reminders that have come due are queued.
    crontab: [
      "1 * * * * purgeExpired",
      "5 * * * * releaseUnpaid",
      "*/10 * * * * expireOverdueOffers",
      "*/5 * * * * queueDueReminders",
    ].join("\n"),
    taskList: {
      purgeExpired: async () => {
        const { purgeExpired } = await import("../retention");
        await purgeExpired();
      },
      releaseUnpaid: async () => {
        const { releaseUnpaid } = await import("../payments/release");
        await releaseUnpaid();
      },
      expireOffer: async (payload) => {
        const { expireOffer } = await import("../registrations/offers");
        await expireOffer(String((payload as { offerId?: unknown }).offerId ?? ""));
      },
      queueDueReminders: async () => {
        const [{ queueDueReminders }, { db }] = await Promise.all([import("../mail/reminders"), import("../client")]);
        await queueDueReminders(db());
      },
      expireOverdueOffers: async () => {
        const { expireOverdueOffers } = await import("../registrations/offers");
        await expireOverdueOffers();
      },
      ...mailTasks,
    },
  };
}
