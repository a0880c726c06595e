import "server-only";
import { eq, sql } from "drizzle-orm";
import { eventFor } from "../access";
import { db } from "../client";
import { sqlRows } from "../query";
import { eventFees } from "../schema";
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
