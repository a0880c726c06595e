import { sql } from "drizzle-orm";
import { sqlRows, type Db } from "../query";
import { MAIL_ATTEMPTS, SEND_TASK } from "./queue";

/** How many pending mails one drain statement turns into jobs. */
export const DRAIN_BATCH = 500;

/**
 * Makes the `sendMail` jobs of up to `batch` outbox rows written without one (mail_outbox_pending),
 * in one statement and one graphile-worker call: one NOTIFY for the batch, where queueing each job
 * in its writer's transaction woke every worker once per mail. Rows another process is draining
 * are skipped (SKIP LOCKED), so each mail gets one job whichever instances drain. With
 * `olderThanMs`, only mails queued at least that long ago. Returns how many.
 */
export async function drainOutbox(q: Db, batch = DRAIN_BATCH, olderThanMs?: number): Promise<number> {
  const taken =
    olderThanMs === undefined
      ? sql`select mail_id from mail_outbox_pending order by mail_id limit ${batch} for update skip locked`
      : sql`select p.mail_id from mail_outbox_pending p join mail_outbox m on m.id = p.mail_id
          where m.created_at < now() - make_interval(secs => ${olderThanMs / 1000})
          order by p.mail_id limit ${batch} for update of p skip locked`;
  const [row] = await sqlRows<{ n: number }>(
    q,
    sql`with taken as (
      delete from mail_outbox_pending where mail_id in (${taken})
      returning mail_id
    ), specs as (
      select array_agg((${SEND_TASK}, json_build_object('mailId', mail_id), null, null, ${MAIL_ATTEMPTS}::int,
        'mail:' || mail_id, 0, null)::graphile_worker.job_spec) as specs from taken
    )
    select count(*)::int as n from (select graphile_worker.add_jobs(specs) from specs where specs is not null) made`,
  );
  return row!.n;
}

/** Drains until a batch comes back short: everything pending (and old enough) when it was called has its job. */
export async function drainAll(q: Db, batch = DRAIN_BATCH, olderThanMs?: number): Promise<number> {
  let total = 0;
  for (let n = batch; n === batch; total += n) n = await drainOutbox(q, batch, olderThanMs);
  return total;
}

export type Drain = { stop: () => Promise<void> };

/** How long a mail may wait in a rush before its job is made (sign-in links never wait). */
export const HOLD_IN_A_RUSH_MS = 10_000;

export type DrainOptions = {
  everyMs?: number;
  log?: (message: string) => void;
  /** True while the process is in a rush (server/admission.ts `rushing`): mails then wait. */
  holdWhile?: () => boolean;
  holdMs?: number;
  /** One drain of the mails queued at least `olderThanMs` ago, or of all (drainAll; a test's stand-in). */
  drain?: (olderThanMs?: number) => Promise<unknown>;
};

/**
 * Drains every `everyMs` until stopped (each app process that works the mail queue runs one). A
 * failed drain (the database away) is logged and tried again on the next tick; nothing is lost,
 * since a pending row leaves only with its job, in one transaction. While `holdWhile` says the
 * process is in a rush, only mails at least `holdMs` old get their jobs: mails sent during a burst
 * of registrations took CPU from the registrations themselves and slowed the burst (docs/
 * PERFORMANCE.md, "The outbox waits out a rush"); a rush longer than that still sends each mail
 * at most `holdMs` late. Sign-in links have their jobs from the start (db/mail/queue.ts).
 */
export function keepDraining(
  q: () => Db,
  {
    everyMs = 500,
    log = (m: string) => console.error(`[outbox] ${m}`),
    holdWhile = () => false,
    holdMs = HOLD_IN_A_RUSH_MS,
    drain = (olderThanMs) => drainAll(q(), DRAIN_BATCH, olderThanMs),
  }: DrainOptions = {},
): Drain {
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  let failing = false;
  const tick = () => {
    if (busy) return;
    busy = true;
    running = drain(holdWhile() ? holdMs : undefined)
      .then(() => {
        if (failing) log("draining again");
        failing = false;
      })
      .catch((error: unknown) => {
        if (!failing) log(`could not drain (${error instanceof Error ? error.message : String(error)}); trying again`);
        failing = true;
      })
      .finally(() => (busy = false));
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
