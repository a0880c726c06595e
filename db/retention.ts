import "server-only";
import { and, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { addDays, dayKey } from "@/lib/time";
import { db } from "./client";
import { sqlRows } from "./query";
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
  /** A driver's licence and emergency contact, as a registration copied them: a month past the event. */
  driverDetailsDays: 30,
} as const;

export type Purged = {
  signInTokens: number;
  devMail: number;
  invitations: number;
  rateLimits: number;
  mail: number;
  driverDetails: number;
  waivers: number;
};

/**
 * Deletes what has outlived its purpose: expired sign-in links, old development mail, invitations
 * long expired and never accepted, spent rate-limit counters, old records of sent and failed mail,
 * drivers' details a month after their event, and signed waivers past their club's retention period
 * (GDPR Art. 17(3)(e): kept while a claim may still be made, then gone). Run hourly by the worker's
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
    const details = await sqlRows(
      tx,
      sql`update registrations r set driver_details = null from events e
        where e.id = r.event_id and r.driver_details is not null and e.ends_on < ${addDays(dayKey(now), -RETENTION.driverDetailsDays)}::date
        returning r.id`,
    );
    // Signed waivers go once the club's retention period after the event is over: the same test the
    // database's trigger makes (on its own clock), so the job never asks for one the trigger refuses.
    const waivers = await sqlRows(
      tx,
      sql`delete from waiver_signatures w using registrations r, events e, clubs c
        where r.id = w.registration_id and e.id = r.event_id and c.id = e.club_id
          and e.ends_on + make_interval(years => c.waiver_retention_years) < current_date
        returning w.id`,
    );
    return {
      driverDetails: details.length,
      waivers: waivers.length,
      signInTokens: tokens.length,
      devMail: mail.length,
      invitations: invitations.length,
      rateLimits: limits.length,
      mail: outbox.length,
    };
  });
}
