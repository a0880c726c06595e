import "server-only";
import { and, isNull, lt } from "drizzle-orm";
import { db } from "./client";
import { clubInvitations, devMail, rateLimits, verificationTokens } from "./schema";

const DAY = 24 * 60 * 60 * 1000;

/** How long what is no longer needed is kept once it has no use left. */
export const RETENTION = {
  /** The development mailbox holds sign-in links: a week is plenty to debug a mail. */
  devMailDays: 7,
  /** An invitation nobody accepted names an address; kept a month past its expiry for the admin's list. */
  expiredInvitationDays: 30,
} as const;

export type Purged = { signInTokens: number; devMail: number; invitations: number; rateLimits: number };

/**
 * Deletes what has outlived its purpose: expired sign-in links, old development mail, invitations
 * long expired and never accepted, and spent rate-limit counters. Run hourly by the worker's
 * crontab (db/worker.ts); idempotent, so two instances running it at once is harmless.
 */
export async function purgeExpired(now = new Date()): Promise<Purged> {
  return db().transaction(async (tx) => {
    const tokens = await tx.delete(verificationTokens).where(lt(verificationTokens.expires, now)).returning({ t: verificationTokens.token });
    const mail = await tx.delete(devMail).where(lt(devMail.createdAt, new Date(now.getTime() - RETENTION.devMailDays * DAY))).returning({ id: devMail.id });
    const invitations = await tx.delete(clubInvitations)
      .where(and(isNull(clubInvitations.acceptedAt), lt(clubInvitations.expiresAt, new Date(now.getTime() - RETENTION.expiredInvitationDays * DAY))))
      .returning({ id: clubInvitations.id });
    const limits = await tx.delete(rateLimits).where(lt(rateLimits.expire, now)).returning({ key: rateLimits.key });
    return { signInTokens: tokens.length, devMail: mail.length, invitations: invitations.length, rateLimits: limits.length };
  });
}
