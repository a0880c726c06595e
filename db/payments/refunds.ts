import "server-only";
import { eq, sql } from "drizzle-orm";
import { eventFor } from "../access";
import { db } from "../client";
import { sqlRows } from "../query";
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
export async function getRefundsDue(userId: string, slug: string) {
  const event = await eventFor(db(), userId, slug, "managePayments");
  if (!event) return null;
  const [rows, [fees], accounts] = await Promise.all([
    paymentRows(db(), event.id),
    db().select().from(eventFees).where(eq(eventFees.eventId, event.id)),
    sqlRows<{ registration_id: string; iban: string; name: string | null }>(
      db(),
      sql`select distinct on (b.registration_id) b.registration_id, b.iban, b.name
        from bank_lines b join registrations r on r.id = b.registration_id
        where r.event_id = ${event.id} and b.iban is not null
        order by b.registration_id, b.created_at desc`,
    ),
  ]);
  const byId = new Map(accounts.map((a) => [a.registration_id, a]));
  const refunds: RefundDue[] = rows
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
  return { event, fees: fees ?? null, refunds };
}

/**
 * "Record refunds as sent", once the treasurer has uploaded the SEPA file: each refund due to a
 * known account is booked as a bank refund of what is owed back now (so a refund paid meanwhile is
 * not booked twice), with an audit line. Returns how many were booked; null when not allowed.
 */
export async function recordRefundsSent(userId: string, slug: string): Promise<number | null> {
  return db().transaction(async (tx) => {
    const event = await eventFor(tx, userId, slug, "managePayments", true);
    if (!event) return null;
    const rows = await sqlRows<{ registration_id: string; owed_back: number; refunds: number }>(
      tx,
      sql`select r.id as registration_id,
          sum(case l.kind when 'payment' then l.cents when 'refund' then -l.cents when 'charge' then -l.cents else l.cents end)::int as owed_back,
          count(*) filter (where l.kind = 'refund')::int as refunds
        from registrations r join ledger_entries l on l.registration_id = r.id
        where r.event_id = ${event.id}
          and exists (select 1 from bank_lines b where b.registration_id = r.id and b.iban is not null)
        group by r.id having sum(case l.kind when 'payment' then l.cents when 'refund' then -l.cents when 'charge' then -l.cents else l.cents end) > 0`,
    );
    for (const r of rows)
      await tx.insert(ledgerEntries).values({
        eventId: event.id,
        registrationId: r.registration_id,
        kind: "refund",
        item: "bank",
        cents: r.owed_back,
        method: "bank",
        actorId: userId,
        sourceKey: `${r.registration_id}:refund:${r.refunds}`,
      });
    if (rows.length)
      await tx.insert(auditLog).values({
        eventId: event.id,
        actorId: userId,
        action: "refunds.sent",
        detail: { count: rows.length, cents: rows.reduce((n, r) => n + r.owed_back, 0) },
      });
    return rows.length;
  });
}
