import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { isUuid } from "@/lib/uuid";
import { db } from "../client";
import { sqlRows, type Tx } from "../query";
import { clubs, events, receipts, registrations, users } from "../schema";

export type ReceiptData = {
  number: number;
  issuedAt: Date;
  club: string;
  event: { name: string; slug: string };
  payer: string;
  /** Charged items net of credits ("entry", "session:<id>" with its name, "cancellation"). */
  lines: { item: string; name: string | null; cents: number }[];
  payments: { at: Date; cents: number; method: string | null }[];
  refunds: { at: Date; cents: number }[];
};

/**
 * The owner's receipt once anything was paid; null for anyone else or before a payment. Its number
 * is given on the first download from the club's sequence, in the transaction that records it, so
 * the numbers run 1, 2, 3 … without a gap (a rolled-back number is never seen).
 */
export async function getReceipt(userId: string, registrationId: string): Promise<ReceiptData | null> {
  if (!isUuid(registrationId)) return null;
  return db().transaction(async (tx) => {
    const [row] = await tx
      .select({ reg: registrations, event: events, club: clubs, user: users })
      .from(registrations)
      .innerJoin(events, eq(events.id, registrations.eventId))
      .innerJoin(clubs, eq(clubs.id, events.clubId))
      .innerJoin(users, eq(users.id, registrations.ownerId))
      .where(and(eq(registrations.id, registrationId), eq(registrations.ownerId, userId)))
      // Two downloads of one receipt at once: the second waits here and finds the number given.
      .for("update", { of: registrations });
    if (!row) return null;
    const entries = await sqlRows<{
      kind: string;
      item: string;
      cents: number;
      at: string;
      method: string | null;
      name: string | null;
    }>(
      tx,
      sql`select l.kind, l.item, l.cents, l.created_at::text as at, l.method, es.name
        from ledger_entries l left join event_sessions es on l.item = 'session:' || es.id
        where l.registration_id = ${registrationId} order by l.id`,
    );
    const payments = entries.filter((e) => e.kind === "payment");
    if (payments.length === 0) return null;
    const issued = await numberFor(tx, registrationId, row.club.id);
    return {
      ...issued,
      club: row.club.name,
      event: { name: row.event.name, slug: row.event.slug },
      payer: row.user.fullName || row.user.displayName || row.user.email || "",
      lines: netLines(entries),
      payments: payments.map((p) => ({ at: new Date(p.at), cents: p.cents, method: p.method })),
      refunds: entries.filter((e) => e.kind === "refund").map((r) => ({ at: new Date(r.at), cents: r.cents })),
    };
  });
}

async function numberFor(tx: Tx, registrationId: string, clubId: string) {
  const [given] = await tx.select().from(receipts).where(eq(receipts.registrationId, registrationId));
  if (given) return { number: given.number, issuedAt: given.issuedAt };
  // The club's row lock orders two downloads at once; the second waits and takes the next number.
  const [club] = await tx
    .update(clubs)
    .set({ lastReceiptNumber: sql`${clubs.lastReceiptNumber} + 1` })
    .where(eq(clubs.id, clubId))
    .returning({ number: clubs.lastReceiptNumber });
  const [made] = await tx.insert(receipts).values({ registrationId, clubId, number: club!.number }).returning();
  return { number: made!.number, issuedAt: made!.issuedAt };
}

function netLines(entries: { kind: string; item: string; cents: number; name: string | null }[]) {
  const net = new Map<string, { item: string; name: string | null; cents: number }>();
  for (const e of entries) {
    if (e.kind !== "charge" && e.kind !== "credit") continue;
    const line = net.get(e.item) ?? { item: e.item, name: e.name, cents: 0 };
    line.cents += e.kind === "charge" ? e.cents : -e.cents;
    net.set(e.item, line);
  }
  return [...net.values()].filter((l) => l.cents > 0);
}
