import "server-only";
import { sql } from "drizzle-orm";
import { paymentDueOn, paymentStatus, type Balance, type PaymentStatus } from "@/lib/payments/ledger";
import { eventFor } from "../access";
import { db } from "../client";
import { sqlRows, type Db, type Tx } from "../query";
import type { Event } from "../schema";

export type PaymentRow = {
  registrationId: string;
  reference: string | null;
  driver: string;
  plaque: number | null;
  active: boolean;
  balance: Balance;
  status: PaymentStatus;
  /** The day payment is due (Europe/Berlin), once anything was charged. */
  dueOn: string | null;
  /** Whether any of it was paid by card (a refund then goes back through Stripe). */
  card: boolean;
};
export type PaymentFilter = "all" | "unpaid" | "overdue" | "refundDue";

type Raw = {
  id: string;
  reference: string | null;
  driver: string | null;
  plaque: number | null;
  active: boolean;
  charged: number;
  paid: number;
  refunded: number;
  first_charge: string | null;
  pay_within_days: number;
  card: boolean;
};

/** Every registration of the event that holds a place or ever had money on it, with its balance. */
export async function paymentRows(q: Db | Tx, eventId: string, now = new Date()): Promise<PaymentRow[]> {
  const rows = await sqlRows<Raw>(
    q,
    sql`
    select r.id, r.payment_reference as reference, coalesce(u.full_name, u.display_name) as driver, r.plaque,
      r.status = 'active' as active, f.pay_within_days,
      (coalesce(sum(l.cents) filter (where l.kind = 'charge'), 0) - coalesce(sum(l.cents) filter (where l.kind = 'credit'), 0))::int as charged,
      coalesce(sum(l.cents) filter (where l.kind = 'payment'), 0)::int as paid,
      coalesce(sum(l.cents) filter (where l.kind = 'refund'), 0)::int as refunded,
      (min(l.created_at) filter (where l.kind = 'charge'))::text as first_charge,
      coalesce(bool_or(l.kind = 'payment' and l.method = 'card'), false) as card
    from registrations r join event_fees f on f.event_id = r.event_id
    left join users u on u.id = r.owner_id
    left join ledger_entries l on l.registration_id = r.id
    where r.event_id = ${eventId}
    group by r.id, u.id, f.pay_within_days
    having r.status = 'active' or count(l.id) > 0
    order by r.plaque nulls last, r.created_at`,
  );
  return rows.map((r) => {
    const balance = { charged: r.charged, paid: r.paid, refunded: r.refunded, owed: r.charged - r.paid + r.refunded };
    const dueOn = paymentDueOn(r.first_charge, r.pay_within_days);
    return {
      registrationId: r.id,
      reference: r.reference,
      driver: r.driver ?? "—",
      plaque: r.plaque,
      active: r.active,
      balance,
      status: paymentStatus(balance, dueOn, now),
      dueOn,
      card: r.card,
    };
  });
}

const FILTERS: Record<PaymentFilter, (r: PaymentRow) => boolean> = {
  all: () => true,
  unpaid: (r) => r.status === "unpaid" || r.status === "overdue",
  overdue: (r) => r.status === "overdue",
  refundDue: (r) => r.status === "refundDue",
};

/** The organiser's payments page: rows (filtered) and the event's totals over all rows. */
export async function getEventPayments(userId: string, slug: string, filter: PaymentFilter = "all") {
  const event = await eventFor(db(), userId, slug, "managePayments");
  if (!event) return null;
  const all = await paymentRows(db(), event.id);
  return { event, rows: all.filter(FILTERS[filter]), totals: totalsOf(all) };
}

function totalsOf(rows: PaymentRow[]) {
  const sum = (f: (r: PaymentRow) => number) => rows.reduce((n, r) => n + f(r), 0);
  return {
    charged: sum((r) => r.balance.charged),
    paid: sum((r) => r.balance.paid),
    refunded: sum((r) => r.balance.refunded),
    outstanding: sum((r) => Math.max(0, r.balance.owed)),
    refundsDue: sum((r) => Math.max(0, -r.balance.owed)),
  };
}

export type EventPayments = NonNullable<Awaited<ReturnType<typeof getEventPayments>>>;
export type { Event };
