import { Logger, run } from "graphile-worker";
import { eq, sql, type SQL } from "drizzle-orm";
import { db } from "@/db/client";
import { sqlRows, type Db } from "@/db/query";
import type { SendMailJob } from "@/db/mail/kinds";
import { drainAll } from "@/db/mail/outbox";
import { mailTasks } from "@/db/mail/tasks";
import { devMail } from "@/db/schema";

const quiet = new Logger(() => () => {});

/** The development mailbox's messages to one address, oldest first. */
export const devMailTo = (email: string) =>
  db().select().from(devMail).where(eq(devMail.to, email.toLowerCase())).orderBy(devMail.createdAt);

/** Jobs due or running, and mails still waiting for their job (drained meanwhile, as an app process does). */
async function dueJobs(): Promise<number> {
  await drainAll(db());
  const [row] = await sqlRows<{ n: number }>(
    db(),
    sql`select (select count(*)::int from graphile_worker._private_jobs
      where attempts < max_attempts and (run_at <= now() or locked_at is not null))
      + (select count(*)::int from mail_outbox_pending) as n`,
  );
  return row!.n;
}

/**
 * Works the queue the way the app's worker does (graphile-worker's runner, two at a time) until
 * `done()` holds, by default until no job is due or running. (runOnce with more than one at a time
 * can return before a failed job is released.)
 */
export async function workMailQueue(
  options: { concurrency?: number; timeoutMs?: number; done?: () => Promise<boolean> } = {},
): Promise<void> {
  const { concurrency = 2, timeoutMs = 50_000, done = async () => (await dueJobs()) === 0 } = options;
  const runner = await run({
    connectionString: process.env.DATABASE_URL!,
    taskList: mailTasks,
    concurrency,
    pollInterval: 200,
    logger: quiet,
    noHandleSignals: true,
  });
  try {
    const until = Date.now() + timeoutMs;
    while (!(await done())) {
      await drainAll(db());
      if (Date.now() > until) {
        const left = await db()
          .execute(sql`select t.identifier, j.payload, j.attempts, j.max_attempts, j.run_at, j.locked_at, j.last_error from graphile_worker._private_jobs j
          join graphile_worker._private_tasks t on t.id = j.task_id where attempts < max_attempts and (run_at <= now() or locked_at is not null) limit 5`);
        throw new Error(`the mail queue did not empty in time: ${JSON.stringify(left)}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    await runner.stop();
    // graphile-worker 0.17's stop() can leave the job that was finishing locked (its result is
    // written after the runner's pool closed), for 4 hours; this database has no other runner.
    await db().execute(
      sql`select graphile_worker.force_unlock_workers(array_agg(distinct locked_by)) from graphile_worker._private_jobs where locked_by is not null`,
    );
  }
}

/** Brings every job waiting to be retried forward to now, as if its back-off had passed. */
export async function retryNow(): Promise<number> {
  const rows = await sqlRows(
    db(),
    sql`update graphile_worker._private_jobs set run_at = now()
    where attempts > 0 and attempts < max_attempts and locked_at is null returning id`,
  );
  return rows.length;
}

/**
 * Sends now, without a worker, the queued mails whose outbox row `m` matches `where`, from their
 * jobs' payloads (secrets included) as the worker would, or as the drain would make the job of a
 * mail that has none yet; for tests that read the mailbox.
 */
export async function sendQueued(where: SQL): Promise<number> {
  const { sendQueuedMail } = await import("@/db/mail/send");
  const jobs = await sqlRows<{ payload: SendMailJob }>(
    db(),
    sql`select coalesce(j.payload, json_build_object('mailId', m.id)) as payload from mail_outbox m
    left join graphile_worker._private_jobs j on j.key = 'mail:' || m.id
    where m.status = 'queued' and ${where} order by m.created_at, m.id`,
  );
  for (const job of jobs) await sendQueuedMail(job.payload, { attempts: 1, maxAttempts: 10 });
  return jobs.length;
}

/** A registration's queued mails (of one kind, when given), sent now. */
export const sendRegistrationMails = (registrationId: string, kind?: string) =>
  sendQueued(
    kind ? sql`m.registration_id = ${registrationId} and m.kind = ${kind}` : sql`m.registration_id = ${registrationId}`,
  );

export type QueuedMail = {
  kind: string;
  recipient: string;
  payload: Record<string, unknown>;
  status: string;
  xmin: string;
};

/** The outbox rows about an event (of one kind, when given), by recipient, each with the transaction that queued it. */
export async function queuedMails(eventId: string, kind?: string): Promise<QueuedMail[]> {
  return sqlRows<QueuedMail>(
    db(),
    sql`select m.kind, m.recipient, m.payload, m.status, m.xmin::text as "xmin" from mail_outbox m
    where m.event_id = ${eventId} ${kind ? sql`and m.kind = ${kind}` : sql``} order by m.recipient, m.kind`,
  );
}

/** The transaction that last wrote the event's row (a save or a cancellation). */
export async function eventXmin(eventId: string): Promise<string> {
  const [row] = await sqlRows<{ xmin: string }>(db(), sql`select xmin::text from events where id = ${eventId}`);
  return row!.xmin;
}

export type MailJobRow = {
  kind: string;
  sessionId?: string;
  task: string;
  runAt: Date;
  key: string | null;
  xmin: string;
  to?: string;
  recipient?: string;
};

/**
 * The mails queued about one registration, oldest first: each outbox row (task `sendMail`, whether
 * the drain has made its job yet or not) with its kind, role (`to`) and address, and jobs that will
 * queue mail later with their own payload. `xmin` is the transaction that queued it.
 */
export async function mailJobsFor(registrationId: string, database: Db = db()): Promise<MailJobRow[]> {
  const rows = await sqlRows<{
    task: string;
    payload: { kind: string; sessionId?: string; to?: string };
    recipient: string | null;
    run_at: string;
    key: string | null;
    xmin: string;
  }>(
    database,
    sql`
    select * from (
      select 'sendMail' as task, m.payload::json as payload, m.recipient, m.created_at as run_at, 'mail:' || m.id as key, m.xmin::text as xmin
      from mail_outbox m where m.registration_id = ${registrationId}
      union all
      select t.identifier, j.payload, null, j.run_at, j.key, j.xmin::text
      from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id
      where t.identifier <> 'sendMail' and j.payload->>'registrationId' = ${registrationId}
    ) q order by run_at, payload->>'to', key`,
  );
  return rows.map((r) => ({
    kind: r.payload.kind,
    sessionId: r.payload.sessionId,
    task: r.task,
    runAt: new Date(r.run_at),
    key: r.key,
    xmin: r.xmin,
    ...(r.recipient ? { to: r.payload.to, recipient: r.recipient } : {}),
  }));
}
