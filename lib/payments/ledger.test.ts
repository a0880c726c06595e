import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  balanceOf,
  cancellationFee,
  ENTRY_ITEM,
  grantedRefund,
  paymentDueOn,
  paymentStatus,
  sessionItem,
  settle,
  type HeldItem,
  type LedgerRow,
} from "./ledger";
import { addDays, zonedMoment } from "../time";

// The ledger's rules against a model that keeps no ledger at all: which items are held now, what
// each cost when it was taken, and the money that moved. Random sequences of what owners and
// organisers do must leave the ledger's derived balance equal to the model's, and never hold two
// charges for one item at once.

const PRICES: Record<string, number> = { [ENTRY_ITEM]: 4500, s1: 12000, s2: 12000, s3: 0, s4: 2550 };
const SESSIONS = ["s1", "s2", "s3", "s4"];

type Op =
  | { op: "register" | "change"; sessions: string[] }
  | { op: "pay"; fraction: number; extra: number }
  | { op: "cancel"; fullRefund: boolean }
  | { op: "grant" }
  | { op: "refund"; fraction: number }
  | { op: "transfer"; movesAsPaid: boolean }
  | { op: "reprice"; item: string; cents: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constantFrom("register" as const, "change" as const), sessions: fc.subarray(SESSIONS) }),
  fc.record({
    op: fc.constant("pay" as const),
    fraction: fc.double({ min: 0.1, max: 1, noNaN: true }),
    extra: fc.nat(3000),
  }),
  fc.record({ op: fc.constant("cancel" as const), fullRefund: fc.boolean() }),
  fc.record({ op: fc.constant("grant" as const) }),
  fc.record({ op: fc.constant("refund" as const), fraction: fc.double({ min: 0.1, max: 1, noNaN: true }) }),
  fc.record({ op: fc.constant("transfer" as const), movesAsPaid: fc.boolean() }),
  fc.record({
    op: fc.constant("reprice" as const),
    item: fc.constantFrom(ENTRY_ITEM, ...SESSIONS),
    cents: fc.nat(20000),
  }),
);

type Model = {
  held: Map<string, number>;
  fee: number;
  paid: number;
  refunded: number;
  active: boolean;
  registered: boolean;
};

const heldOf = (sessions: string[], prices: Record<string, number>): HeldItem[] =>
  sessions.length
    ? [ENTRY_ITEM, ...sessions].map((s) => ({ item: s === ENTRY_ITEM ? s : sessionItem(s), cents: prices[s]! }))
    : [];

/** Applies one step to the ledger (through the rules under test) and to the model (by hand). */
function step(rows: LedgerRow[], m: Model, o: Op, prices: Record<string, number>) {
  const owed = () => balanceOf(rows).owed;
  const takeHeld = (items: HeldItem[]) => {
    rows.push(...settle(rows, items));
    const next = new Map<string, number>();
    for (const h of items) if (h.cents > 0) next.set(h.item, m.held.get(h.item) ?? h.cents);
    m.held = next;
  };
  // A registration is made once; after a cancellation or a transfer it is over (a new one is a new row).
  if ((o.op === "register" && !m.registered) || (o.op === "change" && m.active)) {
    if (o.op === "register") m.active = m.registered = true;
    takeHeld(heldOf(o.sessions, prices));
  } else if (o.op === "pay" && owed() > 0) {
    const cents = Math.max(1, Math.round(owed() * o.fraction)) + o.extra;
    rows.push({ kind: "payment", item: "bank", cents });
    m.paid += cents;
  } else if (o.op === "cancel" && m.active) {
    const fee = cancellationFee(rows, o.fullRefund);
    const heldCost = [...m.held.values()].reduce((a, b) => a + b, 0);
    takeHeld([]);
    if (fee) rows.push(fee);
    // The model's own rule: late, the club keeps what was paid, up to what the places cost.
    if (!o.fullRefund) m.fee = Math.max(0, Math.min(heldCost, m.paid - m.refunded));
    m.active = false;
  } else if (o.op === "grant") {
    const granted = grantedRefund(rows);
    if (granted) rows.push(granted);
    m.fee = 0;
  } else if (o.op === "refund" && owed() < 0) {
    const cents = Math.max(1, Math.round(-owed() * o.fraction));
    rows.push({ kind: "refund", item: "bank", cents });
    m.refunded += cents;
  } else if (o.op === "transfer" && m.active && !o.movesAsPaid) {
    // The recipient pays: the giver's places are credited (and what was paid owed back to them).
    takeHeld([]);
    m.active = false;
  } else if (o.op === "reprice") {
    prices[o.item] = o.cents;
  }
}

describe("the ledger", () => {
  it("agrees with a model of held items and money moved, and never charges an item twice while held", () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 25 }), (ops) => {
        const rows: LedgerRow[] = [];
        const prices = { ...PRICES };
        const m: Model = { held: new Map(), fee: 0, paid: 0, refunded: 0, active: false, registered: false };
        for (const o of ops) {
          step(rows, m, o, prices);
          const heldCost = [...m.held.values()].reduce((a, b) => a + b, 0);
          expect(balanceOf(rows).owed).toBe(heldCost + m.fee - m.paid + m.refunded);
          for (const item of m.held.keys()) {
            const charges = rows.filter((r) => r.item === item && r.kind === "charge").length;
            const credits = rows.filter((r) => r.item === item && r.kind === "credit").length;
            expect(charges - credits).toBe(1);
          }
          expect(
            settle(
              rows,
              [...m.held].map(([item, cents]) => ({ item, cents })),
            ),
          ).toEqual([]);
          expect(rows.every((r) => Number.isInteger(r.cents) && r.cents > 0)).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("keeps what was paid on a late cancellation and owes it back on an early one", () => {
    const paidRows: LedgerRow[] = [
      { kind: "charge", item: ENTRY_ITEM, cents: 4500 },
      { kind: "charge", item: sessionItem("s1"), cents: 12000 },
      { kind: "payment", item: "bank", cents: 16500 },
    ];
    const fee = cancellationFee(paidRows, false)!;
    const late = [...paidRows, ...settle(paidRows, []), fee];
    expect(balanceOf(late)).toMatchObject({ owed: 0, charged: 16500 });
    const early = [...paidRows, ...settle(paidRows, [])];
    expect(cancellationFee(early, true)).toBeNull();
    expect(balanceOf(early).owed).toBe(-16500);
    late.push(grantedRefund(late)!);
    expect(balanceOf(late).owed).toBe(-16500);
  });

  it("names the status from the balance and the deadline", () => {
    const now = new Date("2031-06-01T10:00:00Z");
    const due = "2031-05-31";
    const b = (charged: number, paid: number, refunded = 0) => ({
      charged,
      paid,
      refunded,
      owed: charged - paid + refunded,
    });
    expect(paymentStatus(b(0, 0), null, now)).toBe("free");
    expect(paymentStatus(b(100, 0), "2031-06-01", now)).toBe("unpaid");
    expect(paymentStatus(b(100, 50), due, now)).toBe("overdue");
    expect(paymentStatus(b(100, 100), due, now)).toBe("paid");
    expect(paymentStatus(b(100, 150), due, now)).toBe("refundDue");
    expect(paymentStatus(b(0, 100, 100), due, now)).toBe("refunded");
    expect(paymentDueOn(null, 14)).toBeNull();
  });

  it("makes payment due by a Berlin day, overdue only once that whole day has passed", () => {
    // 00:30 on 18 May in Berlin is still the 17th in UTC: the days count from Berlin's.
    expect(paymentDueOn("2031-05-17T22:30:00Z", 14)).toBe("2031-06-01");
    // Across the change to summer time (30 March 2031) fourteen days are still fourteen days.
    expect(paymentDueOn("2031-03-20T12:00:00+01:00", 14)).toBe("2031-04-03");
    const owing = { charged: 100, paid: 0, refunded: 0, owed: 100 };
    expect(paymentStatus(owing, "2031-06-01", new Date("2031-06-01T21:59:59Z"))).toBe("unpaid");
    expect(paymentStatus(owing, "2031-06-01", new Date("2031-06-01T22:00:00Z"))).toBe("overdue");
    // Any charge, any days to pay: unpaid through the last minute of the due day (Berlin),
    // overdue from the first minute after it, and never due before the days have passed.
    const moment = fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2040, 0, 1) }).map((ms) => new Date(ms));
    fc.assert(
      fc.property(moment, fc.integer({ min: 1, max: 365 }), (charged, days) => {
        const dueOn = paymentDueOn(charged, days)!;
        const lastMinute = zonedMoment(dueOn, "23:59");
        const nextDay = zonedMoment(addDays(dueOn, 1), "00:00");
        expect(paymentStatus(owing, dueOn, lastMinute)).toBe("unpaid");
        expect(paymentStatus(owing, dueOn, nextDay)).toBe("overdue");
        expect(nextDay.getTime() - charged.getTime()).toBeGreaterThan(days * 86_400_000 - 3_600_000);
      }),
    );
  });
});
