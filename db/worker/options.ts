import type { RunnerOptions } from "graphile-worker";
import { DATABASE_TIMEOUTS } from "../client";
import { mailTasks } from "../mail/tasks";
import { workerLogger } from "./logger";

/**
 * How each app process works the mail queue (supervisor.ts keeps it running). Every instance
 * runs one; graphile-worker hands each job to exactly one of them (SKIP LOCKED) and retries
 * failures with exponential backoff.
 */
export function mailWorkerOptions(connectionString: string): RunnerOptions {
  return {
    connectionString: withTimeouts(connectionString),
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

/**
 * The worker's connection string with the app pool's timeouts (db/client.ts) as start-up options
 * of each connection, so a stuck query of the worker cannot hold a lock (and the registrations
 * behind it) for long either. An `options` the address already carries is the operator's: kept.
 */
export function withTimeouts(connectionString: string): string {
  if (/[?&]options=/.test(connectionString)) return connectionString;
  const settings = Object.entries(DATABASE_TIMEOUTS).map(([name, ms]) => `-c ${name}=${ms}`);
  return `${connectionString}${connectionString.includes("?") ? "&" : "?"}options=${encodeURIComponent(settings.join(" "))}`;
}
