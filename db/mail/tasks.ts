import type { TaskList } from "graphile-worker";
import type { RegistrationMail, SendMailJob } from "./kinds";

/**
 * The worker's mail tasks. `sendMail` sends one outbox row. The others queue rows when they run:
 * `mail` takes the reminder jobs scheduled per registration before reminders were queued by the
 * five-minute cron (db/mail/reminders.ts); it, `lotteryMail`, `broadcast` and `invitationMail` also
 * take jobs queued before mail went one row per recipient. A dedupe key made of the job's id (or the broadcast's
 * recipient) keeps a job that runs twice from queueing its mails twice.
 */
export const mailTasks: TaskList = {
  sendMail: async (payload, helpers) => {
    const { sendQueuedMail } = await import("./send");
    await sendQueuedMail(payload as SendMailJob, {
      attempts: helpers.job.attempts,
      maxAttempts: helpers.job.max_attempts,
    });
  },
  mail: async (payload, helpers) => {
    const [{ queueRegistrationMail }, { db }] = await Promise.all([import("./queue"), import("../client")]);
    await queueRegistrationMail(db(), payload as RegistrationMail, `job:${helpers.job.id}`);
  },
  lotteryMail: async (payload, helpers) => {
    const [{ queueRegistrationMail }, { db }] = await Promise.all([import("./queue"), import("../client")]);
    await queueRegistrationMail(db(), payload as RegistrationMail, `job:${helpers.job.id}`);
  },
  broadcast: async (payload) => {
    const [{ queueBroadcast }, { db }] = await Promise.all([import("./queue"), import("../client")]);
    await queueBroadcast(db(), (payload as { broadcastId: string }).broadcastId);
  },
  invitationMail: async (payload, helpers) => {
    const [{ queueInvitation }, { db }] = await Promise.all([import("./queue"), import("../client")]);
    const job = payload as { invitationId: string; token: string };
    await queueInvitation(db(), job.invitationId, job.token, `job:${helpers.job.id}`);
  },
};
