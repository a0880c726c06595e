import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { balanceOf, grantedRefund, type LedgerRow } from "@/lib/payments/ledger";
import type { StatementLine } from "@/lib/payments/statement";
import { eventFor } from "../access";
import { db } from "../client";
import { enqueueMail } from "../mail/queue";
import type { Tx } from "../query";
import { refuse, type Refusal, type Result } from "../result";
import { auditLog, bankLines, ledgerEntries, registrations, type Event } from "../schema";
import { ledgerOf } from "./charges";

/**
 * Books bank lines as payments, each once: the line's key is stored for the club first, and only
 * a line stored now (not one the club had booked before) becomes a payment and a "Payment
 * received" mail. Returns how many were booked.
 */
export async function recordPayments(
  tx: Tx,
  event: Event,
  chosen: { line: StatementLine; registrationId: string }[],
  importId: string | null,
  actorId: string | null,
): Promise<number> {
  let booked = 0;
  for (const { line, registrationId } of chosen) {
    const [stored] = await tx
      .insert(bankLines)
      .values({
        clubId: event.clubId,
        key: line.key,
        importId,
        registrationId,
        bookedOn: line.bookedOn,
        cents: line.cents,
        name: line.name || null,
        iban: line.iban,
        remittance: line.remittance.slice(0, 500) || null,
      })
      .onConflictDoNothing()
      .returning({ key: bankLines.key });
    if (!stored) continue;
    await tx.insert(ledgerEntries).values({
      eventId: event.id,
      registrationId,
      kind: "payment",
      item: "bank",
      cents: line.cents,
      method: "bank",
      sourceKey: `bank:${event.clubId}:${line.key}`,
      actorId,
    });
    await enqueueMail(tx, { kind: "paymentReceived", registrationId, cents: line.cents });
    booked++;
  }
  return booked;
}

type Change = { tx: Tx; event: Event; rows: LedgerRow[] };

/**
 * An organiser's change to one registration's money, with a reason: authorised in SQL, the
 * registration locked (two changes to it take turns), its ledger read, and the audit line written
 * with what `run` booked. Null when not allowed or not this event's.
 */
function organiserChange(
  userId: string,
  slug: string,
  registrationId: string,
  reason: string,
  action: string,
  run: (c: Change) => Promise<Refusal | { cents: number }>,
): Promise<Result<{ cents: number }> | null> {
  return db().transaction(async (tx) => {
    const event = await eventFor(tx, userId, slug, "managePayments");
    if (!event) return null;
    const [reg] = await tx
      .select({ id: registrations.id })
      .from(registrations)
      .where(and(eq(registrations.id, registrationId), eq(registrations.eventId, event.id)))
      .for("update");
    if (!reg) return null;
    if (!reason.trim()) return refuse("payments.errors.reasonRequired", "reason");
    const done = await run({ tx, event, rows: await ledgerOf(tx, registrationId) });
    if ("ok" in done) return done;
    await tx
      .insert(auditLog)
      .values({ eventId: event.id, registrationId, actorId: userId, action, reason, detail: { cents: done.cents } });
    return { ok: true, cents: done.cents } as const;
  });
}

/** "Mark as paid": what the registration still owes, paid in the organiser's name with a reason (audited). */
export function markAsPaid(userId: string, slug: string, registrationId: string, reason: string) {
  return organiserChange(userId, slug, registrationId, reason, "payment.mark", async ({ tx, event, rows }) => {
    const { owed } = balanceOf(rows);
    if (owed <= 0) return refuse("payments.errors.nothingOwed");
    await tx.insert(ledgerEntries).values({
      eventId: event.id,
      registrationId,
      kind: "payment",
      item: "manual",
      cents: owed,
      method: "manual",
      reason,
      actorId: userId,
    });
    await enqueueMail(tx, { kind: "paymentReceived", registrationId, cents: owed });
    return { cents: owed };
  });
}

/** "Grant refund" after the refund day: the cancellation fee is credited back, so what was paid is owed back (audited). */
export function grantRefund(userId: string, slug: string, registrationId: string, reason: string) {
  return organiserChange(userId, slug, registrationId, reason, "refund.grant", async ({ tx, event, rows }) => {
    const credit = grantedRefund(rows);
    if (!credit) return refuse("payments.errors.nothingToGrant");
    await tx.execute(sql`
      insert into ledger_entries (event_id, registration_id, kind, item, cents, reason, actor_id, source_key)
      values (${event.id}, ${registrationId}, 'credit', ${credit.item}, ${credit.cents}, ${reason}, ${userId},
        ${`${registrationId}:cancellation:credit:0`})
      on conflict (source_key) do nothing`);
    return { cents: credit.cents };
  });
}
