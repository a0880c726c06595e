import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { paidMeet, ENTRY_CENTS, SESSION_CENTS, owedBy } from "@/test/payments";
import { form, ownersWithCars } from "@/test/registration";
import { db } from "../client";
import { sqlRows } from "../query";
import { registerCar } from "../registrations/writes";
import { eventFees, events, ledgerEntries, registrations, registrationSessions } from "../schema";
import { acceptTransfer } from "./transfer-accept";
import { offerTransfer } from "./transfers";

const FEE = ENTRY_CENTS + SESSION_CENTS;
const tokenSent = async (registrationId: string) =>
  (
    await sqlRows<{ secret: string }>(
      db(),
      sql`select j.payload->>'secret' as secret from graphile_worker._private_jobs j
      join mail_outbox m on m.id::text = j.payload->>'mailId' where m.kind = 'transferOffered' and m.registration_id = ${registrationId}
      order by m.created_at desc limit 1`,
    )
  )[0]!.secret;

async function paidPlace(rule: "recipient_pays" | "moves_as_paid") {
  const meet = await paidMeet([{ start: "09:00", end: "10:00", capacity: 5 }], [SESSION_CENTS], {
    transfersUntil: new Date(Date.now() + 7 * 86_400_000),
    transferRule: rule,
  });
  const [giver, taker, stranger] = await ownersWithCars(3);
  const made = await registerCar(giver!.ownerId, form(meet.event.id, giver!.carIds[0]!, [meet.sessions[0]!.id]));
  if (!made.ok) throw new Error(made.error);
  await db().update(registrations).set({ plaque: 17 }).where(eq(registrations.id, made.registrationId));
  await db()
    .insert(ledgerEntries)
    .values({ eventId: meet.event.id, registrationId: made.registrationId, kind: "payment", item: "bank", cents: FEE });
  return { ...meet, giver: giver!, taker: taker!, stranger: stranger!, registrationId: made.registrationId };
}

describe("a transferred place", () => {
  it("moves to the recipient's car with its places and plaque; the recipient pays, the giver is owed back", async () => {
    const p = await paidPlace("recipient_pays");
    expect(await offerTransfer(p.giver.ownerId, p.registrationId, p.taker.email)).toMatchObject({ ok: true });
    const token = await tokenSent(p.registrationId);
    expect(await acceptTransfer(p.stranger.ownerId, token, p.stranger.carIds[0]!)).toMatchObject({ ok: false });
    const done = await acceptTransfer(p.taker.ownerId, token, p.taker.carIds[0]!);
    if (!done.ok) throw new Error(done.error);
    const [old] = await db().select().from(registrations).where(eq(registrations.id, p.registrationId));
    const [made] = await db().select().from(registrations).where(eq(registrations.id, done.registrationId));
    expect(old).toMatchObject({ status: "cancelled", plaque: null });
    expect(made).toMatchObject({ status: "active", plaque: 17, ownerId: p.taker.ownerId, carId: p.taker.carIds[0] });
    const places = await db()
      .select()
      .from(registrationSessions)
      .where(eq(registrationSessions.registrationId, made!.id));
    expect(places.map((x) => x.status)).toEqual(["confirmed"]);
    expect(await owedBy(p.registrationId)).toBe(-FEE);
    expect(await owedBy(made!.id)).toBe(FEE);
    expect(await acceptTransfer(p.taker.ownerId, token, p.taker.carIds[0]!)).toMatchObject({ ok: false });
  });

  it("moves as paid when the organiser says so: nothing owed on either side", async () => {
    const p = await paidPlace("moves_as_paid");
    await offerTransfer(p.giver.ownerId, p.registrationId, p.taker.email);
    const done = await acceptTransfer(p.taker.ownerId, await tokenSent(p.registrationId), p.taker.carIds[0]!);
    if (!done.ok) throw new Error(done.error);
    expect(await owedBy(p.registrationId)).toBe(0);
    expect(await owedBy(done.registrationId)).toBe(0);
  });

  it("is refused after the cut-off, to oneself, and for a car the event does not allow", async () => {
    const p = await paidPlace("recipient_pays");
    expect(await offerTransfer(p.giver.ownerId, p.registrationId, p.giver.email)).toMatchObject({ field: "email" });
    await offerTransfer(p.giver.ownerId, p.registrationId, p.taker.email);
    const token = await tokenSent(p.registrationId);
    await db()
      .update(events)
      .set({ eligibleModels: ["bmw-m2-g87"] })
      .where(eq(events.id, p.event.id));
    expect(await acceptTransfer(p.taker.ownerId, token, p.taker.carIds[0]!)).toMatchObject({
      ok: false,
      field: "carId",
    });
    await db()
      .update(eventFees)
      .set({ transfersUntil: new Date(Date.now() - 1000) })
      .where(eq(eventFees.eventId, p.event.id));
    expect(await offerTransfer(p.giver.ownerId, p.registrationId, p.taker.email)).toMatchObject({ ok: false });
  });
});
