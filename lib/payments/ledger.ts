// What an owner owes, derived from the ledger's rows alone (db/schema/payments.ts): the rules the
// database's writes follow (db/payments/charges.ts) stated as plain functions, so a property test
// can hold the SQL to them.

import { addDays, dayKey } from "../time";

export type LedgerKind = "charge" | "credit" | "payment" | "refund";
export type LedgerRow = { kind: LedgerKind; item: string; cents: number };
/** Something a registration holds that costs money: the entry fee, a confirmed place in a priced session. */
export type HeldItem = { item: string; cents: number };

export const ENTRY_ITEM = "entry";
export const CANCELLATION_ITEM = "cancellation";
export const sessionItem = (sessionId: string) => `session:${sessionId}`;

export type Balance = {
  /** Charges less credits: what the places cost after cancellations and grants. */
  charged: number;
  paid: number;
  refunded: number;
  /** What the owner still owes (> 0) or is owed back (< 0). */
  owed: number;
};

export function balanceOf(rows: readonly LedgerRow[]): Balance {
  const sum = (kind: LedgerKind) => rows.reduce((n, r) => (r.kind === kind ? n + r.cents : n), 0);
  const charged = sum("charge") - sum("credit");
  const paid = sum("payment");
  const refunded = sum("refund");
  return { charged, paid, refunded, owed: charged - paid + refunded };
}

/** Net charged per item (charges less credits), items with nothing net left out. */
export function netByItem(rows: readonly LedgerRow[]): Map<string, number> {
  const net = new Map<string, number>();
  for (const r of rows) {
    if (r.kind !== "charge" && r.kind !== "credit") continue;
    net.set(r.item, (net.get(r.item) ?? 0) + (r.kind === "charge" ? r.cents : -r.cents));
  }
  for (const [item, cents] of net) if (cents === 0) net.delete(item);
  return net;
}

/**
 * The rows that bring the charges in line with what is held: an item held and not yet charged is
 * charged at today's price; an item charged and no longer held is credited back in full. An item
 * held and charged stays as it was (a price changed later does not touch it), so settling twice
 * adds nothing: nothing is ever charged twice. Items other than held ones (a cancellation fee) are
 * left alone.
 */
export function settle(rows: readonly LedgerRow[], held: readonly HeldItem[]): LedgerRow[] {
  const net = netByItem(rows);
  const heldItems = new Set(held.map((h) => h.item));
  const out: LedgerRow[] = [];
  for (const h of held) if (h.cents > 0 && !net.has(h.item)) out.push({ kind: "charge", item: h.item, cents: h.cents });
  for (const [item, cents] of net)
    if (cents > 0 && item !== CANCELLATION_ITEM && !heldItems.has(item)) out.push({ kind: "credit", item, cents });
  return out;
}

/**
 * A cancellation after the full-refund date keeps what was paid: after the places are credited,
 * a cancellation fee of what the owner had paid (no more than the places cost) is charged, so the
 * balance stays at nothing owed either way. Before the date (or when the organiser grants it) the
 * fee is not charged, and what was paid is owed back.
 */
export function cancellationFee(before: readonly LedgerRow[], fullRefund: boolean): LedgerRow | null {
  if (fullRefund) return null;
  const { charged, paid, refunded } = balanceOf(before);
  const kept = Math.min(charged, paid - refunded);
  return kept > 0 ? { kind: "charge", item: CANCELLATION_ITEM, cents: kept } : null;
}

/** The refund an organiser grants after the date: the cancellation fee credited back. */
export function grantedRefund(rows: readonly LedgerRow[]): LedgerRow | null {
  const fee = netByItem(rows).get(CANCELLATION_ITEM) ?? 0;
  return fee > 0 ? { kind: "credit", item: CANCELLATION_ITEM, cents: fee } : null;
}

/**
 * The day payment is due ("2027-05-31", Europe/Berlin): the first charge's day plus the event's
 * days to pay; null before anything is charged. A bank transfer is due by a day, not an hour:
 * the place is released only once that whole day has passed.
 */
export function paymentDueOn(firstCharge: string | Date | null | undefined, payWithinDays: number): string | null {
  return firstCharge ? addDays(dayKey(new Date(firstCharge)), payWithinDays) : null;
}

export type PaymentStatus = "free" | "unpaid" | "overdue" | "paid" | "refundDue" | "refunded";

/** The status the payments page and the owner see; `dueOn` is the day payment was due, if anything was charged. */
export function paymentStatus(b: Balance, dueOn: string | null, now: Date): PaymentStatus {
  if (b.owed < 0) return "refundDue";
  if (b.owed > 0) return dueOn && dayKey(now) > dueOn ? "overdue" : "unpaid";
  if (b.charged > 0) return "paid";
  return b.refunded > 0 ? "refunded" : "free";
}
