import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { FeeSettings, FeesInput } from "@/lib/schemas/fees";
import { eventFor } from "../access";
import { db } from "../client";
import type { Db, Tx } from "../query";
import { auditLog, eventFees, eventSessions } from "../schema";

/** What an event that never saved its fees asks: nothing (the columns' defaults). */
const FREE: FeeSettings = {
  entryCents: 0,
  accountHolder: null,
  iban: null,
  bic: null,
  payWithinDays: 14,
  fullRefundUntil: null,
  offerFreedPlaces: false,
  offerHours: 24,
  transfersUntil: null,
  transferRule: "recipient_pays",
};

/** The event's fee settings as saved, or the defaults when it has none. */
export async function feesOf(q: Db | Tx, eventId: string): Promise<FeeSettings> {
  const [row] = await q.select().from(eventFees).where(eq(eventFees.eventId, eventId));
  if (!row) return FREE;
  const { eventId: _, updatedAt: __, ...fees } = row;
  return fees;
}

/** The organiser's fees page: the event, its sessions with their prices and its fees; null when not theirs. */
export async function getFeeSettings(userId: string, slug: string) {
  const event = await eventFor(db(), userId, slug, "managePayments");
  if (!event) return null;
  const [sessions, fees] = await Promise.all([
    db()
      .select({
        id: eventSessions.id,
        name: eventSessions.name,
        startsAt: eventSessions.startsAt,
        priceCents: eventSessions.priceCents,
      })
      .from(eventSessions)
      .where(eq(eventSessions.eventId, event.id))
      .orderBy(asc(eventSessions.startsAt), asc(eventSessions.name)),
    feesOf(db(), event.id),
  ]);
  return { event, sessions, fees };
}

/**
 * Saves the fees and the sessions' prices in one transaction; null when the user may not manage
 * the event's payments. A price for a session of another event (a forged form) changes nothing.
 * Charges already in the ledger keep the price they were made at.
 */
export async function saveFees(userId: string, slug: string, input: FeesInput) {
  return db().transaction(async (tx) => {
    const event = await eventFor(tx, userId, slug, "managePayments", true);
    if (!event) return null;
    const { prices, ...fees } = input;
    const settings = { ...fees, updatedAt: new Date() };
    await tx
      .insert(eventFees)
      .values({ eventId: event.id, ...settings })
      .onConflictDoUpdate({ target: eventFees.eventId, set: settings });
    let priced = 0;
    for (const [sessionId, priceCents] of Object.entries(prices)) {
      const updated = await tx
        .update(eventSessions)
        .set({ priceCents })
        .where(and(eq(eventSessions.eventId, event.id), eq(eventSessions.id, sessionId)))
        .returning({ id: eventSessions.id });
      priced += updated.length;
    }
    await tx.insert(auditLog).values({
      eventId: event.id,
      actorId: userId,
      action: "fees.save",
      detail: { entryCents: fees.entryCents, sessions: priced },
    });
    return { ok: true as const, event };
  });
}
