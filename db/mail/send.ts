import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { env } from "@/env";
import { failureReason, isPermanentFailure, type SendError } from "@/lib/smtp-failure";
import { db } from "../client";
import { mailOutbox, type MailRow } from "../schema";
import { composeInvitation, composeSignIn } from "./account-mail";
import type { Composer } from "./compose";
import { deliverMail } from "./deliver";
import {
  composeBroadcast,
  composeEventCancelled,
  composeSessionRemoved,
  composeWaiverChanged,
  composeWaiverToSign,
  composeTransferOffered,
  markBroadcastSent,
} from "./event-mail";
import { registrationMailKinds, type MailKind, type RegistrationMailKind, type SendMailJob } from "./kinds";
import { composeRegistrationMail } from "./registration";

const composers: Record<Exclude<MailKind, RegistrationMailKind>, Composer> = {
  eventCancelled: composeEventCancelled,
  sessionRemoved: composeSessionRemoved,
  waiverChanged: composeWaiverChanged,
  waiverToSign: composeWaiverToSign,
  transferOffered: composeTransferOffered,
  broadcast: composeBroadcast,
  invitation: composeInvitation,
  signIn: composeSignIn,
};
const composerFor = (kind: string): Composer | undefined =>
  (registrationMailKinds as readonly string[]).includes(kind)
    ? composeRegistrationMail
    : Object.hasOwn(composers, kind)
      ? composers[kind as keyof typeof composers]
      : undefined;

/** Which try this is, as graphile-worker counts them (the last one gives up instead of throwing). */
export type Attempt = { attempts: number; maxAttempts: number };

const mark = (id: string, set: Partial<MailRow>) =>
  db()
    .update(mailOutbox)
    .set({ ...set, attempts: sql`${mailOutbox.attempts} + 1` })
    .where(and(eq(mailOutbox.id, id), eq(mailOutbox.status, "queued")));

/**
 * The `sendMail` task: one outbox row to its one recipient. A row already sent (or given up on,
 * or skipped) is left alone, so a job that runs again after a crash sends nothing twice, except
 * when the process died between the server's "250 OK" and the `sent` update below (one round trip):
 * then the retry sends that one message again, with the same Message-ID.
 * A 5xx refusal of the recipient or message is final at once; other failures are thrown, and
 * graphile-worker retries them until the last try, which records the failure instead.
 */
export async function sendQueuedMail(job: SendMailJob, attempt: Attempt): Promise<void> {
  const [row] = await db().select().from(mailOutbox).where(eq(mailOutbox.id, job.mailId));
  if (!row || row.status !== "queued") return;
  const composed = await composerFor(row.kind)?.(row, job.secret);
  if (!composed) {
    await mark(row.id, { status: "skipped" });
    return;
  }
  try {
    await deliverMail({ to: row.recipient, ...composed, messageId: `<${row.id}@${new URL(env().appUrl).hostname}>` });
  } catch (error) {
    const failure = error as SendError;
    const final = isPermanentFailure(failure) || attempt.attempts >= attempt.maxAttempts;
    await mark(row.id, {
      subject: composed.subject,
      lastError: failureReason(failure),
      ...(final ? { status: "failed" as const, failedAt: new Date() } : {}),
    });
    if (!final) throw error;
    // Mail about an event shows on its "Mail problems" list; any other (a sign-in link, an invitation) only here.
    console.error(
      `[mail] given up: ${row.kind} mail ${row.id}${row.eventId ? ` (event ${row.eventId})` : ""}: ${failureReason(failure)}`,
    );
    return;
  }
  const sentAt = new Date();
  await mark(row.id, { status: "sent", sentAt, subject: composed.subject, lastError: null });
  if (row.kind === "broadcast") await markBroadcastSent(row, sentAt);
}
