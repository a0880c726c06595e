import { run, type Runner } from "graphile-worker";
import { workerLogger } from "./worker-logger";
import type { InvitationMailJob, LotteryMailJob, MailJob } from "./jobs";

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
    // Hourly, at a minute past: expired sign-in links, old development mail, spent counters.
    crontab: "1 * * * * purgeExpired",
    taskList: {
      purgeExpired: async () => {
        const { purgeExpired } = await import("./retention");
        await purgeExpired();
      },
      mail: async (payload) => {
        const { sendQueuedMail } = await import("./registration-mail");
        await sendQueuedMail(payload as MailJob);
      },
      broadcast: async (payload) => {
        const { sendBroadcastMail } = await import("./broadcast-mail");
        await sendBroadcastMail(payload as { broadcastId: string });
      },
      invitationMail: async (payload) => {
        const { sendInvitationMail } = await import("./invitation-mail");
        await sendInvitationMail(payload as InvitationMailJob);
      },
      lotteryMail: async (payload) => {
        const { sendLotteryMail } = await import("./lottery-mail");
        await sendLotteryMail(payload as LotteryMailJob);
      },
    },
  });
  return cache.__ringmeetWorker;
}
