import "server-only";
import { and, inArray, isNull, lt, or } from "drizzle-orm";
import { db } from "./client";
import { clubInvitations, devMail, mailOutbox, rateLimits, verificationTokens } from "./schema";

const DAY = 24 * 60 * 60 * 1000;

/** How long what is no longer needed is kept once it has no use left. */
export const RETENTION = {
  /** The development mailbox holds sign-in links: a week is plenty to debug a mail. */
  devMailDays: 7,
  /** An invitation nobody accepted names an address; kept a month past its expiry for the admin's list. */
  expiredInvitationDays: 30,
  /** A sent (or skipped) mail's record names its recipient: a month answers "did it go out?". */
  sentMailDays: 30,
  /** A mail given up on (or stuck) stays on the event's "Mail problems" list for three months. */
  failedMailDays: 90,
} as const;

export type Purged = { signInTokens: number; devMail: number; invitations: number; rateLimits: number; mail: number };

/**
 * Deletes what has outlived its purpose: expired sign-in links, old development mail, invitations
 * long expired and never accepted, spent rate-limit counters, and old records of sent and failed mail. Run hourly by the worker's
 * crontab (db/worker/options.ts); idempotent, so two instances running it at once is harmless.
 */
export async function purgeExpired(now = new Date()): Promise<Purged> {
  return db().transaction(async (tx) => {
    const tokens = await tx
      .delete(verificationTokens)
      .where(lt(verificationTokens.expires, now))
      .returning({ t: verificationTokens.token });
    const mail = await tx
      .delete(devMail)
      .where(lt(devMail.createdAt, new Date(now.getTime() - RETENTION.devMailDays * DAY)))
      .returning({ id: devMail.id });
    const invitations = await tx
      .delete(clubInvitations)
      .where(
        and(
          isNull(clubInvitations.acceptedAt),
          lt(clubInvitations.expiresAt, new Date(now.getTime() - RETENTION.expiredInvitationDays * DAY)),
        ),
      )
      .returning({ id: clubInvitations.id });
    const limits = await tx.delete(rateLimits).where(lt(rateLimits.expire, now)).returning({ key: rateLimits.key });
    const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);
    const outbox = await tx
      .delete(mailOutbox)
      .where(
        or(
          and(
            inArray(mailOutbox.status, ["sent", "skipped"]),
            lt(mailOutbox.createdAt, daysAgo(RETENTION.sentMailDays)),
          ),
          and(
            inArray(mailOutbox.status, ["failed", "queued"]),
            lt(mailOutbox.createdAt, daysAgo(RETENTION.failedMailDays)),
          ),
        ),
      )
      .returning({ id: mailOutbox.id });
    return {
      signInTokens: tokens.length,
      devMail: mail.length,
      invitations: invitations.length,
      rateLimits: limits.length,
      mail: outbox.length,
    };
  });
}
