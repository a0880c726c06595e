import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import {
  balanceOf,
  paymentDueOn,
  paymentStatus,
  type Balance,
  type LedgerRow,
  type PaymentStatus,
} from "@/lib/payments/ledger";
import { newReference } from "@/lib/payments/reference";
import type { Db, Tx } from "../query";
import { sqlRows } from "../query";
import { eventFees, registrations, type EventFees, type Registration } from "../schema";

export type RegistrationMoney = {
  fees: EventFees;
  reference: string;
  balance: Balance;
  status: PaymentStatus;
  /** The day payment is due (Europe/Berlin), once anything was charged. */
  dueOn: string | null;
};

type Summary = { kind: LedgerRow["kind"]; item: string; cents: number; first_charge: string | null };

/**
 * What a registration owes, paid and got back, summed from the ledger. Null for a free event
 * (nothing to pay and nothing ever charged). The caller has authorised the registration.
 */
export async function registrationMoney(q: Db | Tx, registration: Registration): Promise<RegistrationMoney | null> {
  const money = await registrationBalance(q, registration);
  return money && { ...money, reference: registration.paymentReference ?? (await giveReference(q, registration.id)) };
}

/**
 * The same without the transfer's reference, and so without writing: for readers that must not
 * change the registration (a mail composed by the worker), which use its reference if it has one.
 */
export async function registrationBalance(
  q: Db | Tx,
  registration: Registration,
): Promise<Omit<RegistrationMoney, "reference"> | null> {
  const [[fees], rows] = await Promise.all([
    q.select().from(eventFees).where(eq(eventFees.eventId, registration.eventId)),
    sqlRows<Summary>(
      q,
      sql`select kind, item, cents, (min(created_at) filter (where kind = 'charge') over ())::text as first_charge
        from ledger_entries where registration_id = ${registration.id} order by id`,
    ),
  ]);
  if (!fees || rows.length === 0) return null;
  const balance = balanceOf(rows);
  const dueOn = paymentDueOn(rows[0]?.first_charge, fees.payWithinDays);
  return { fees, balance, status: paymentStatus(balance, dueOn, new Date()), dueOn };
}

/** Registrations made before fees existed have no reference yet: each gets one, once. */
async function giveReference(q: Db | Tx, registrationId: string): Promise<string> {
  await q
    .update(registrations)
    .set({ paymentReference: newReference() })
    .where(and(eq(registrations.id, registrationId), isNull(registrations.paymentReference)));
  const [row] = await q
    .select({ reference: registrations.paymentReference })
    .from(registrations)
    .where(eq(registrations.id, registrationId));
  return row!.reference!;
}
