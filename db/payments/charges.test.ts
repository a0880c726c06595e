import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { balanceOf } from "@/lib/payments/ledger";
import { paidMeet, ENTRY_CENTS, SESSION_CENTS, owedBy } from "@/test/payments";
import { form, ownersWithCars } from "@/test/registration";
import { db } from "../client";
import { sqlRows } from "../query";
import { cancelRegistration, changeSessions, registerCar } from "../registrations/writes";
import { eventFees, ledgerEntries } from "../schema";
import { ledgerOf, settleCharges } from "./charges";

const rowsOf = (registrationId: string) => ledgerOf(db(), registrationId);
const pay = (registrationId: string, eventId: string, cents: number) =>
  db().insert(ledgerEntries).values({ eventId, registrationId, kind: "payment", item: "bank", cents, method: "bank" });

async function registered(sessions: number[]) {
  const meet = await paidMeet(
    [
      { start: "09:00", end: "10:00", capacity: 1 },
      { start: "11:00", end: "12:00", capacity: 5 },
    ],
    [SESSION_CENTS, 0],
  );
  const owners = await ownersWithCars(2);
  const ids = sessions.map((i) => meet.sessions[i]!.id);
  const made = await registerCar(owners[0]!.ownerId, form(meet.event.id, owners[0]!.carIds[0]!, ids));
  if (!made.ok) throw new Error(made.error);
  return { ...meet, owners, registrationId: made.registrationId };
}

describe("charges", () => {
  it("follow the places held: entry and priced sessions on registering, a dropped session credited", async () => {
    const { sessions, owners, registrationId } = await registered([0, 1]);
    expect(await owedBy(registrationId)).toBe(ENTRY_CENTS + SESSION_CENTS);
    const [reg] = await sqlRows<{ payment_reference: string }>(
      db(),
      sql`select payment_reference from registrations where id = ${registrationId}`,
    );
    expect(reg!.payment_reference).toMatch(/^RF\d{2}RM[2-9A-Z]{8}$/);
    expect(await changeSessions(owners[0]!.ownerId, registrationId, [sessions[1]!.id])).toMatchObject({ ok: true });
    expect(await owedBy(registrationId)).toBe(ENTRY_CENTS);
    expect(
      await changeSessions(
        owners[0]!.ownerId,
        registrationId,
        sessions.map((s) => s.id),
      ),
    ).toMatchObject({
      ok: true,
    });
    expect(await owedBy(registrationId)).toBe(ENTRY_CENTS + SESSION_CENTS);
    expect((await rowsOf(registrationId)).filter((r) => r.kind === "charge")).toHaveLength(3);
  });

  it("charge a car only once its place is confirmed: a waiting car pays when promoted", async () => {
    const { event, sessions, owners, registrationId } = await registered([0]);
    const second = await registerCar(owners[1]!.ownerId, form(event.id, owners[1]!.carIds[0]!, [sessions[0]!.id]));
    if (!second.ok) throw new Error(second.error);
    expect(await owedBy(second.registrationId)).toBe(0);
    expect(await cancelRegistration(owners[0]!.ownerId, registrationId)).toMatchObject({ ok: true });
    expect(await owedBy(second.registrationId)).toBe(ENTRY_CENTS + SESSION_CENTS);
    expect(await owedBy(registrationId)).toBe(0);
  });

  it("refund in full before the refund day and keep what was paid after it", async () => {
    const early = await registered([0]);
    await pay(early.registrationId, early.event.id, ENTRY_CENTS + SESSION_CENTS);
    await cancelRegistration(early.owners[0]!.ownerId, early.registrationId);
    expect(await owedBy(early.registrationId)).toBe(-(ENTRY_CENTS + SESSION_CENTS));

    const late = await registered([0]);
    await db().update(eventFees).set({ fullRefundUntil: "2020-01-01" }).where(eq(eventFees.eventId, late.event.id));
    await pay(late.registrationId, late.event.id, 5000);
    await cancelRegistration(late.owners[0]!.ownerId, late.registrationId);
    const rows = await rowsOf(late.registrationId);
    expect(balanceOf(rows)).toMatchObject({ owed: 0, paid: 5000, charged: 5000 });
    expect(rows.filter((r) => r.item === "cancellation")).toEqual([
      { kind: "charge", item: "cancellation", cents: 5000 },
    ]);
  });

  it("are settled once however often, and by two transactions at once", async () => {
    const { registrationId } = await registered([0, 1]);
    const before = await rowsOf(registrationId);
    await Promise.all([1, 2, 3].map(() => db().transaction((tx) => settleCharges(tx, registrationId))));
    expect(await rowsOf(registrationId)).toEqual(before);
  });

  it("are never changed or removed", async () => {
    const { registrationId } = await registered([0]);
    const refusal = (q: Promise<unknown>) =>
      q.then(
        () => "allowed",
        (e: Error & { cause?: Error }) => e.cause?.message ?? e.message,
      );
    const mine = eq(ledgerEntries.registrationId, registrationId);
    expect(await refusal(db().update(ledgerEntries).set({ cents: 1 }).where(mine))).toMatch(/cannot be changed/);
    expect(
      await refusal(
        db()
          .delete(ledgerEntries)
          .where(and(mine, eq(ledgerEntries.kind, "charge"))),
      ),
    ).toMatch(/cannot be changed or removed/);
    expect(await owedBy(registrationId)).toBe(ENTRY_CENTS + SESSION_CENTS);
  });
});
