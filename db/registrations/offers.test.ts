import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { paidMeet, ENTRY_CENTS, SESSION_CENTS, owedBy } from "@/test/payments";
import { form, ownersWithCars } from "@/test/registration";
import { db } from "../client";
import { getPublicEvent } from "../events";
import { releaseUnpaid } from "../payments/release";
import { sqlRows } from "../query";
import { placeOffers, registrations, registrationSessions } from "../schema";
import { acceptOffer, declineOffer, expireOffer, openOffersOf } from "./offers";
import { cancelRegistration, registerCar } from "./writes";

// A paid event that offers freed places for 24 hours: one place in the GP session, four cars.

async function fullSession(cars = 4) {
  const meet = await paidMeet([{ start: "09:00", end: "10:00", capacity: 1 }], [SESSION_CENTS], {
    offerFreedPlaces: true,
    offerHours: 24,
  });
  const owners = await ownersWithCars(cars);
  const regs: string[] = [];
  for (const o of owners) {
    const made = await registerCar(o.ownerId, form(meet.event.id, o.carIds[0]!, [meet.sessions[0]!.id]));
    if (!made.ok) throw new Error(made.error);
    regs.push(made.registrationId);
  }
  return { ...meet, owners, regs, session: meet.sessions[0]! };
}

const statusOf = async (registrationId: string) =>
  (await db().select().from(registrationSessions).where(eq(registrationSessions.registrationId, registrationId)))[0]
    ?.status ?? null;
const offersOf = (registrationId: string) =>
  db().select().from(placeOffers).where(eq(placeOffers.registrationId, registrationId));

describe("a freed place of a paid event", () => {
  it("is offered to the next car, held from newcomers, and confirmed and charged when accepted", async () => {
    const { event, owners, regs, session } = await fullSession(3);
    await cancelRegistration(owners[0]!.ownerId, regs[0]!);
    expect(await statusOf(regs[1]!)).toBe("waiting");
    const [offer] = await openOffersOf(regs[1]!);
    expect(offer).toMatchObject({ session: session.name });
    expect(await owedBy(regs[1]!)).toBe(0);
    const shown = (await getPublicEvent(event.slug))!.sessions[0]!;
    expect([shown.confirmed, shown.waiting]).toEqual([1, 1]); // the offered place shows as taken
    const [late] = await ownersWithCars(1);
    const newcomer = await registerCar(late!.ownerId, form(event.id, late!.carIds[0]!, [session.id]));
    if (!newcomer.ok) throw new Error(newcomer.error);
    expect(await statusOf(newcomer.registrationId)).toBe("waiting");
    expect(await acceptOffer(owners[2]!.ownerId, regs[1]!, offer!.id)).toMatchObject({ ok: false });
    expect(await acceptOffer(owners[1]!.ownerId, regs[1]!, offer!.id)).toMatchObject({ ok: true });
    expect(await statusOf(regs[1]!)).toBe("confirmed");
    expect(await owedBy(regs[1]!)).toBe(ENTRY_CENTS + SESSION_CENTS);
    expect(await acceptOffer(owners[1]!.ownerId, regs[1]!, offer!.id)).toMatchObject({ ok: false });
  });

  it("goes to the next car when declined, and when it expires", async () => {
    const { owners, regs } = await fullSession(4);
    await cancelRegistration(owners[0]!.ownerId, regs[0]!);
    const [first] = await openOffersOf(regs[1]!);
    expect(await declineOffer(owners[1]!.ownerId, regs[1]!, first!.id)).toMatchObject({ ok: true });
    expect(await statusOf(regs[1]!)).toBeNull();
    const [second] = await openOffersOf(regs[2]!);
    expect(second).toBeDefined();
    expect(await expireOffer(second!.id, new Date())).toBe(false); // not yet its hour
    expect(await expireOffer(second!.id, new Date(Date.now() + 25 * 3_600_000))).toBe(true);
    expect((await offersOf(regs[2]!))[0]!.status).toBe("expired");
    expect(await openOffersOf(regs[3]!)).toHaveLength(1);
  });

  it("is offered once however many cancellations run at once, on several connections", async () => {
    const meet = await paidMeet([{ start: "09:00", end: "10:00", capacity: 6 }], [SESSION_CENTS], {
      offerFreedPlaces: true,
    });
    const owners = await ownersWithCars(16);
    const regs: string[] = [];
    for (const o of owners) {
      const made = await registerCar(o.ownerId, form(meet.event.id, o.carIds[0]!, [meet.sessions[0]!.id]));
      if (made.ok) regs.push(made.registrationId);
    }
    await Promise.all(regs.slice(0, 6).map((id, i) => cancelRegistration(owners[i]!.ownerId, id)));
    const [counts] = await sqlRows<{ open: number; confirmed: number; cars: number }>(
      db(),
      sql`select (select count(*)::int from place_offers where session_id = ${meet.sessions[0]!.id} and status = 'open') as open,
        (select count(*)::int from registration_sessions where session_id = ${meet.sessions[0]!.id} and status = 'confirmed') as confirmed,
        (select count(distinct registration_id)::int from place_offers where session_id = ${meet.sessions[0]!.id}) as cars`,
    );
    expect(counts).toEqual({ open: 6, confirmed: 0, cars: 6 });
    const offered = await sqlRows<{ registration_id: string }>(
      db(),
      sql`select registration_id from place_offers where session_id = ${meet.sessions[0]!.id} order by registration_id`,
    );
    expect(offered.map((o) => o.registration_id).sort()).toEqual(regs.slice(6, 12).sort());
  });
});

describe("an unpaid place after its deadline", () => {
  it("is released: cancelled, its owner told, its place offered to the next car", async () => {
    const { regs } = await fullSession(2);
    expect(await releaseUnpaid(new Date(Date.now() + 13 * 86_400_000))).toBe(0);
    expect(await releaseUnpaid(new Date(Date.now() + 15 * 86_400_000))).toBeGreaterThanOrEqual(1);
    const [reg] = await db().select().from(registrations).where(eq(registrations.id, regs[0]!));
    expect(reg!.status).toBe("cancelled");
    expect(await owedBy(regs[0]!)).toBe(0);
    const mails = await sqlRows(
      db(),
      sql`select 1 from mail_outbox where registration_id = ${regs[0]!} and kind = 'placeReleased'`,
    );
    expect(mails).toHaveLength(1);
    const offers = await db()
      .select()
      .from(placeOffers)
      .where(and(eq(placeOffers.registrationId, regs[1]!), eq(placeOffers.status, "open")));
    expect(offers).toHaveLength(1);
  });
});
