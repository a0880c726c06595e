import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { balanceOf } from "@/lib/payments/ledger";
import { ENTRY_CENTS, SESSION_CENTS, owedBy, paidRegistration } from "@/test/payments";
import { db } from "../client";
import { sqlRows } from "../query";
import { cancelRegistration } from "../registrations/writes";
import { bankLines, eventFees, ledgerEntries } from "../schema";
import { ledgerOf } from "./charges";
import { grantRefund, markAsPaid } from "./payments";
import { recordRefundsSent } from "./refunds";

describe("an organiser's changes to money", () => {
  it("mark what is owed as paid, with a reason in the audit log and a mail; only once, and not by the gate", async () => {
    const { admin, gate, event, registrationId } = await paidRegistration();
    expect(await markAsPaid(gate.id, event.slug, registrationId, "Paid in cash")).toBeNull();
    expect(await markAsPaid(admin.id, event.slug, registrationId, "  ")).toMatchObject({ ok: false, field: "reason" });
    expect(await markAsPaid(admin.id, event.slug, registrationId, "Paid in cash")).toEqual({
      ok: true,
      cents: ENTRY_CENTS + SESSION_CENTS,
    });
    expect(await owedBy(registrationId)).toBe(0);
    expect(await markAsPaid(admin.id, event.slug, registrationId, "Again")).toMatchObject({ ok: false });
    const [audit] = await sqlRows<{ reason: string; cents: number }>(
      db(),
      sql`select reason, (detail->>'cents')::int as cents from audit_log where registration_id = ${registrationId} and action = 'payment.mark'`,
    );
    expect(audit).toEqual({ reason: "Paid in cash", cents: ENTRY_CENTS + SESSION_CENTS });
    const mails = await sqlRows(
      db(),
      sql`select 1 from mail_outbox where registration_id = ${registrationId} and kind = 'paymentReceived'`,
    );
    expect(mails).toHaveLength(1);
  });

  it("grant a refund of what a late cancellation kept, once", async () => {
    const { admin, event, owner, registrationId } = await paidRegistration();
    await db().update(eventFees).set({ fullRefundUntil: "2020-01-01" }).where(eq(eventFees.eventId, event.id));
    await db()
      .insert(ledgerEntries)
      .values({ eventId: event.id, registrationId, kind: "payment", item: "bank", cents: 5000 });
    await cancelRegistration(owner.ownerId, registrationId);
    expect(await owedBy(registrationId)).toBe(0);
    expect(await grantRefund(admin.id, event.slug, registrationId, "Broke down on the A61")).toEqual({
      ok: true,
      cents: 5000,
    });
    expect(await owedBy(registrationId)).toBe(-5000);
    expect(await grantRefund(admin.id, event.slug, registrationId, "Twice")).toMatchObject({ ok: false });
  });
});

describe("refunds sent from the SEPA file", () => {
  it("are booked once for what is owed back to a known account, and the registration reads Refunded", async () => {
    const { admin, gate, event, club, owner, registrationId } = await paidRegistration();
    await db()
      .insert(bankLines)
      .values({
        clubId: club.id,
        key: `refund-test-${registrationId}`,
        registrationId,
        bookedOn: "2031-05-02",
        cents: 20000,
        name: "Racer",
        iban: "DE02120300000000202051",
      });
    await db()
      .insert(ledgerEntries)
      .values({ eventId: event.id, registrationId, kind: "payment", item: "bank", cents: 20000 });
    expect(await owedBy(registrationId)).toBe(ENTRY_CENTS + SESSION_CENTS - 20000);
    expect(await recordRefundsSent(gate.id, event.slug)).toBeNull();
    expect(await recordRefundsSent(admin.id, event.slug)).toBe(1);
    expect(await owedBy(registrationId)).toBe(0);
    expect(await recordRefundsSent(admin.id, event.slug)).toBe(0);
    await cancelRegistration(owner.ownerId, registrationId);
    expect(await recordRefundsSent(admin.id, event.slug)).toBe(1);
    const rows = await ledgerOf(db(), registrationId);
    expect(balanceOf(rows)).toEqual({ charged: 0, paid: 20000, refunded: 20000, owed: 0 });
  });
});
