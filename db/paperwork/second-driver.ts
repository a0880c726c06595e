import "server-only";
import { textSha256 } from "@/lib/sha256";
import { randomBytes } from "node:crypto";
import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { db } from "../client";
import { queueWaiverToSign } from "../mail/queue";
import type { Tx } from "../query";
import { refuse, type Result } from "../result";
import { events, registrations, waiverLinks, waiverSignatures } from "../schema";
import { currentWaiver } from "./settings";
import { recordSignature, type Signing, type SigningMeta } from "./waivers";

/**
 * Mails each second driver of the event (or of one registration) who has not signed the waiver in
 * force a link of their own that signs once; the token travels only in the mail's job. A second
 * driver already holding an unused link made since this version came in force gets none again.
 */
export async function inviteSecondDrivers(tx: Tx, eventId: string, registrationId?: string): Promise<number> {
  const waiver = await currentWaiver(tx, eventId);
  if (!waiver) return 0;
  const due = await tx
    .select({ id: registrations.id, email: registrations.secondDriverEmail })
    .from(registrations)
    .where(
      and(
        eq(registrations.eventId, eventId),
        eq(registrations.status, "active"),
        isNotNull(registrations.secondDriverEmail),
        registrationId ? eq(registrations.id, registrationId) : sql`true`,
        sql`not exists (select 1 from ${waiverSignatures} w where w.registration_id = ${registrations.id}
          and w.waiver_version_id = ${waiver.id} and w.signer = 'second_driver')`,
        sql`not exists (select 1 from ${waiverLinks} l where l.registration_id = ${registrations.id}
          and l.used_at is null and l.created_at >= ${waiver.createdAt.toISOString()}::timestamptz)`,
      ),
    );
  for (const reg of due) {
    const token = randomBytes(24).toString("base64url");
    await tx.insert(waiverLinks).values({ tokenHash: textSha256(token), registrationId: reg.id, email: reg.email! });
    await queueWaiverToSign(tx, reg.id, reg.email!, token);
  }
  return due.length;
}

/** What a second driver's link opens: the event, the waiver in force and whether the link is spent. */
export async function getLinkedWaiver(token: string) {
  const [row] = await db()
    .select({ link: waiverLinks, event: events, registration: registrations })
    .from(waiverLinks)
    .innerJoin(registrations, eq(registrations.id, waiverLinks.registrationId))
    .innerJoin(events, eq(events.id, registrations.eventId))
    .where(and(eq(waiverLinks.tokenHash, textSha256(token)), eq(registrations.status, "active")));
  if (!row) return null;
  const waiver = await currentWaiver(db(), row.event.id);
  return waiver ? { ...row, waiver, used: row.link.usedAt !== null } : null;
}

/** The second driver signs through the link, which is spent by it. Null: no such link, or spent. */
export async function signAsSecondDriver(
  token: string,
  signing: Signing,
  meta: SigningMeta,
): Promise<Result<{ registrationId: string }> | null> {
  return db().transaction(async (tx) => {
    const [link] = await tx
      .select()
      .from(waiverLinks)
      .where(and(eq(waiverLinks.tokenHash, textSha256(token)), isNull(waiverLinks.usedAt)))
      .for("update");
    if (!link) return null;
    const [reg] = await tx
      .select()
      .from(registrations)
      .where(and(eq(registrations.id, link.registrationId), eq(registrations.status, "active")));
    const waiver = reg ? await currentWaiver(tx, reg.eventId) : null;
    if (!reg || !waiver) return null;
    if (waiver.id !== signing.versionId) return refuse("errors.waiverChanged");
    await recordSignature(tx, reg.id, waiver, "second_driver", link.email, signing, meta);
    await tx.update(waiverLinks).set({ usedAt: new Date() }).where(eq(waiverLinks.tokenHash, link.tokenHash));
    return { ok: true, registrationId: reg.id };
  });
}
