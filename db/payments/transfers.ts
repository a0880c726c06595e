import "server-only";
import { textSha256 } from "@/lib/sha256";
import { randomBytes } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { db } from "../client";
import { queueTransferOffered } from "../mail/queue";
import type { Db, Tx } from "../query";
import { refuse, type Result } from "../result";
import { lockActiveOfOwner } from "../registrations/locks";
import { eventFees, events, placeTransfers, registrations, users } from "../schema";

/** The event's transfer terms while transfers are still allowed (the organiser's cut-off is ahead), else null. */
export async function transferTerms(tx: Db | Tx, eventId: string, now: Date) {
  const [fees] = await tx.select().from(eventFees).where(eq(eventFees.eventId, eventId));
  return fees?.transfersUntil && fees.transfersUntil > now ? fees : null;
}

/** The registration's open transfer (for its page), or null. */
export async function openTransferOf(registrationId: string) {
  const [found] = await db()
    .select({ email: placeTransfers.email, createdAt: placeTransfers.createdAt })
    .from(placeTransfers)
    .where(and(eq(placeTransfers.registrationId, registrationId), eq(placeTransfers.status, "open")));
  return found ?? null;
}

/**
 * "Offer transfer": the owner names the new owner's address; an earlier open offer of the same
 * place is withdrawn, and the new one is mailed with a link that works once.
 */
export async function offerTransfer(
  userId: string,
  registrationId: string,
  email: string,
  now = new Date(),
): Promise<Result<{ registrationId: string }>> {
  return db().transaction(async (tx) => {
    const reg = await lockActiveOfOwner(tx, userId, registrationId);
    if (!reg || !(await transferTerms(tx, reg.eventId, now))) return refuse("payments.errors.transferClosed");
    const [me] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId));
    if (me?.email?.toLowerCase() === email.toLowerCase()) return refuse("payments.errors.transferToSelf", "email");
    await tx
      .update(placeTransfers)
      .set({ status: "withdrawn", decidedAt: now })
      .where(and(eq(placeTransfers.registrationId, registrationId), eq(placeTransfers.status, "open")));
    const token = randomBytes(24).toString("base64url");
    await tx.insert(placeTransfers).values({ registrationId, email, tokenHash: textSha256(token) });
    await queueTransferOffered(tx, registrationId, email, token);
    return { ok: true, registrationId } as const;
  });
}

/** What the recipient's link opens, for the signed-in person it was sent to; null for anyone else or a spent link. */
export async function getTransfer(userId: string, token: string) {
  const [row] = await db()
    .select({ transfer: placeTransfers, event: events, giver: registrations })
    .from(placeTransfers)
    .innerJoin(registrations, eq(registrations.id, placeTransfers.registrationId))
    .innerJoin(events, eq(events.id, registrations.eventId))
    .innerJoin(users, sql`lower(${users.email}) = lower(${placeTransfers.email})`)
    .where(and(eq(placeTransfers.tokenHash, textSha256(token)), eq(users.id, userId)));
  return row ?? null;
}
