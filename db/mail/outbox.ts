import { sql } from "drizzle-orm";
import { sqlRows, type Db } from "../query";
import { MAIL_ATTEMPTS, SEND_TASK } from "./queue";

/** How many pending mails one drain statement turns into jobs. */
export const DRAIN_BATCH = 500;

/**
 * Makes the `sendMail` jobs of up to `batch` outbox rows written without one (mail_outbox_pending),
 * in one statement and one graphile-worker call: one NOTIFY for the batch, where queueing each job
 * in its writer's transaction woke every worker once per mail. Rows another process is draining
 * are skipped (SKIP LOCKED), so each mail gets one job whichever instances drain. Returns how many.
 */
export async function drainOutbox(q: Db, batch = DRAIN_BATCH): Promise<number> {
  const [row] = await sqlRows<{ n: number }>(
    q,
    sql`with taken as (
      delete from mail_outbox_pending where mail_id in (
        select mail_id from mail_outbox_pending order by mail_id limit ${batch} for update skip locked)
      returning mail_id
    ), specs as (
      select array_agg((${SEND_TASK}, json_build_object('mailId', mail_id), null, null, ${MAIL_ATTEMPTS}::int,
        'mail:' || mail_id, 0, null)::graphile_worker.job_spec) as specs from taken
    )
    select count(*)::int as n from (select graphile_worker.add_jobs(specs) from specs where specs is not null) made`,
  );
  return row!.n;
}

/** Drains until a batch comes back short: everything pending when it was called has its job. */
export async function drainAll(q: Db, batch = DRAIN_BATCH): Promise<number> {
  let total = 0;
  for (let n = batch; n === batch; total += n) n = await drainOutbox(q, batch);
  return total;
}

export type Drain = { stop: () => Promise<void> };

/**
 * Drains every `everyMs` until stopped (each app process that works the mail queue runs one). A
 * failed drain (the database away) is logged and tried again on the next tick; nothing is lost,
 * since a pending row leaves only with its job, in one transaction.
 */
export function keepDraining(q: () => Db, everyMs = 500, log = (m: string) => console.error(`[outbox] ${m}`)): Drain {
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  let failing = false;
  const tick = () => {
    if (busy) return;
    busy = true;
    running = drainAll(q())
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
