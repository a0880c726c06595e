import "server-only";
import { eq, sql } from "drizzle-orm";
import { eventFor } from "../access";
import { db } from "../client";
import { sqlRows, type Db, type Tx } from "../query";
import { auditLog, eventFees, ledgerEntries } from "../schema";
import { paymentRows } from "./event-payments";

export type RefundDue = {
  registrationId: string;
  reference: string | null;
  cents: number;
  name: string;
  iban: string | null;
};

/**
 * What the club owes back, per registration, with the account the money came from (the newest
 * bank line of it that names one). A refund without an account (paid by card or marked as paid)
 * has `iban` null: it cannot go into the SEPA file and is paid another way.
 */
async function refundsDue(q: Db | Tx, eventId: string): Promise<RefundDue[]> {
  const [rows, accounts] = await Promise.all([
    paymentRows(q, eventId),
    sqlRows<{ registration_id: string; iban: string; name: string | null }>(
      q,
      sql`select distinct on (b.registration_id) b.registration_id, b.iban, b.name
        from bank_lines b join registrations r on r.id = b.registration_id
        where r.event_id = ${eventId} and b.iban is not null
        order by b.registration_id, b.created_at desc`,
    ),
  ]);
  const byId = new Map(accounts.map((a) => [a.registration_id, a]));
  return rows
    .filter((r) => r.balance.owed < 0)
    .map((r) => {
      const account = byId.get(r.registrationId);
      return {
        registrationId: r.registrationId,
        reference: r.reference,
        cents: -r.balance.owed,
        name: account?.name || r.driver,
        iban: account?.iban ?? null,
      };
    });
}

/** The refunds due of the organiser's event, with its fees (the club's account); null when not allowed. */
export async function getRefundsDue(userId: string, slug: string) {
  const event = await eventFor(db(), userId, slug, "managePayments");
  if (!event) return null;
  const [refunds, [fees]] = await Promise.all([
    refundsDue(db(), event.id),
    db().select().from(eventFees).where(eq(eventFees.eventId, event.id)),
  ]);
  return { event, fees: fees ?? null, refunds };
}

/**
 * "Record refunds as sent", once the treasurer has uploaded the SEPA file: each refund due to a
 * known account is booked as a bank refund of what is owed back now, with an audit line. The
 * event's row is locked, so two clicks take turns and the second finds nothing due. Returns how
 * many were booked; null when not allowed.
 */
export async function recordRefundsSent(userId: string, slug: string): Promise<number | null> {
  return db().transaction(async (tx) => {
    const event = await eventFor(tx, userId, slug, "managePayments", true);
    if (!event) return null;
    const sent = (await refundsDue(tx, event.id)).filter((r) => r.iban);
    if (sent.length === 0) return 0;
    await tx.insert(ledgerEntries).values(
      sent.map((r) => ({
        eventId: event.id,
        registrationId: r.registrationId,
        kind: "refund" as const,
        item: "bank",
        cents: r.cents,
        method: "bank" as const,
        actorId: userId,
      })),
    );
    await tx.insert(auditLog).values({
      eventId: event.id,
      actorId: userId,
      action: "refunds.sent",
      detail: { count: sent.length, cents: sent.reduce((n, r) => n + r.cents, 0) },
    });
    return sent.length;
  });
}
