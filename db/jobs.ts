import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "./client";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export type MailJob =
  | { kind: "registrationReceived"; registrationId: string }
  | { kind: "placeConfirmed"; registrationId: string; sessionId: string }
  | { kind: "registrationCancelled"; registrationId: string }
  | { kind: "reminder"; registrationId: string }
  | { kind: "removedByOrganiser"; registrationId: string; reason: string }
  | { kind: "movedByOrganiser"; registrationId: string; fromSessionId: string; toSessionId: string };

/** An invitation to a club; the raw token exists only here and in the mail. */
export type InvitationMailJob = { invitationId: string; token: string };

/** The lottery's mails: an entry was received; the published draw's result for an entry. */
export type LotteryMailJob = { kind: "entryReceived" | "drawResult"; registrationId: string };

/**
 * Queues a mail in the caller's transaction (graphile-worker's add_job), so it exists exactly
 * when the change it reports commits. The worker composes and sends it later, with retries.
 */
export async function enqueueMail(tx: Tx, job: MailJob, options: { runAt?: Date; key?: string } = {}): Promise<void> {
  const runAt = options.runAt ? sql`${options.runAt.toISOString()}::timestamptz` : sql`now()`;
  await tx.execute(sql`select graphile_worker.add_job('mail', ${JSON.stringify(job)}::json, run_at := ${runAt}, max_attempts := 10, job_key := ${options.key ?? null})`);
}

/** Queues a job for another task (the lottery's mails) in the caller's transaction, like enqueueMail. */
export async function enqueueTask(tx: Tx, task: string, payload: object): Promise<void> {
  await tx.execute(sql`select graphile_worker.add_job(${task}, ${JSON.stringify(payload)}::json, max_attempts := 10)`);
}
