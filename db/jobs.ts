import "server-only";
import { sql } from "drizzle-orm";
import type { RegistrationMail } from "./mail/kinds";
import { MAIL_ATTEMPTS, queueRegistrationMail } from "./mail/queue";
import type { Tx } from "./query";

/** A mail about a registration (see db/mail/kinds.ts). */
export type MailJob = RegistrationMail;

/**
 * Queues a registration's mail in the caller's transaction, so it exists exactly when the change
 * it reports commits: one outbox row and one job per recipient (db/mail/queue.ts). With `runAt`,
 * a job (keyed by `key`, to be moved or withdrawn) queues it when that moment comes instead.
 */
export async function enqueueMail(tx: Tx, job: MailJob, options: { runAt?: Date; key?: string } = {}): Promise<void> {
  if (!options.runAt) {
    await queueRegistrationMail(tx, job);
    return;
  }
  await tx.execute(sql`select graphile_worker.add_job('mail', ${JSON.stringify(job)}::json, run_at := ${options.runAt.toISOString()}::timestamptz,
    max_attempts := ${MAIL_ATTEMPTS}::int, job_key := ${options.key ?? null})`);
}
