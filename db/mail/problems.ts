import "server-only";
import { sql } from "drizzle-orm";
import { isUuid } from "@/lib/uuid";
import { eventFor } from "../access";
import { db } from "../client";
import { sqlRows } from "../query";
import { auditLog, type Event } from "../schema";
import { MAIL_ATTEMPTS, SEND_TASK } from "./queue";

export type MailProblem = {
  id: string;
  kind: string;
  recipient: string;
  subject: string | null;
  reason: string | null;
  at: Date;
};

/**
 * A mail nobody will send any more: given up on (a 5xx refusal, or the last try failed), or still
 * queued while its job is spent or gone (the process died during the last try); a mail still
 * waiting for its job (mail_outbox_pending) is on its way. `m` is the outbox row.
 */
const stuck = sql`(m.status = 'failed' or (m.status = 'queued'
  and not exists (select 1 from mail_outbox_pending p where p.mail_id = m.id)
  and not exists (select 1 from graphile_worker.jobs j where j.key = 'mail:' || m.id
    and (j.attempts < j.max_attempts or j.locked_at is not null))))`;

/** The event's mail problems, newest first, for its club's organisers and admins; null for anyone else. */
export async function listMailProblems(
  userId: string,
  slug: string,
): Promise<{ event: Event; problems: MailProblem[] } | null> {
  const event = await eventFor(db(), userId, slug, "manageMail");
  if (!event) return null;
  const rows = await sqlRows<Omit<MailProblem, "at"> & { at: string }>(
    db(),
    sql`
    select m.id, m.kind, m.recipient, m.subject,
      coalesce(m.last_error, (select j.last_error from graphile_worker.jobs j where j.key = 'mail:' || m.id)) as reason,
      coalesce(m.failed_at, m.created_at) as at
    from mail_outbox m where m.event_id = ${event.id} and ${stuck}
    order by at desc, m.id limit 500`,
  );
  return { event, problems: rows.map((r) => ({ ...r, at: new Date(r.at) })) };
}

export type RetryResult = { ok: true } | { ok: false; error: "mailProblems.errors.notStuck" } | null;

/**
 * Queues a mail problem again (a fresh job, the row back to "queued") and writes who did it to the
 * audit log, in one transaction. Null when the user may not; refused when the mail is not stuck
 * (sent meanwhile, or already retried by someone else: the row lock makes the second one wait and see).
 */
export async function retryMail(userId: string, slug: string, mailId: string): Promise<RetryResult> {
  if (!isUuid(mailId)) return null;
  return db().transaction(async (tx) => {
    const event = await eventFor(tx, userId, slug, "manageMail");
    if (!event) return null;
    const [row] = await sqlRows<{ id: string; kind: string; recipient: string }>(
      tx,
      sql`update mail_outbox m set status = 'queued', failed_at = null
      where m.id = ${mailId} and m.event_id = ${event.id} and ${stuck} returning m.id, m.kind, m.recipient`,
    );
    if (!row) return { ok: false, error: "mailProblems.errors.notStuck" } as const;
    // Same key: a spent job of this mail is replaced (attempts back to 0) rather than left beside it.
    await tx.execute(
      sql`select graphile_worker.add_job(${SEND_TASK}, json_build_object('mailId', ${row.id}::uuid), max_attempts := ${MAIL_ATTEMPTS}::int, job_key := ${`mail:${row.id}`})`,
    );
    await tx.insert(auditLog).values({
      eventId: event.id,
      actorId: userId,
      action: "mail.retry",
      detail: { mailId: row.id, kind: row.kind, recipient: row.recipient },
    });
    return { ok: true } as const;
  });
}
