import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { carOf, ownerWithHistory } from "@/test/account-history";
import { form, openEvent, ownersWithCars, sessionPlaces } from "@/test/registration";
import { registerCar } from "./registrations/writes";
import { createOwner, register } from "@/test/owners";
import { deleteAccount } from "./account";
import { exportMyData } from "./account-export";
import { db } from "./client";
import {
  authenticators,
  cars,
  registrations,
  registrationSessions,
  sessions,
  signIns,
  users,
  verificationTokens,
} from "./schema";

describe("deleteAccount", () => {
  it("removes the user, their cars, sessions, passkeys, sign-ins and unused sign-in links", async () => {
    const me = await ownerWithHistory("leaving");
    await db()
      .insert(verificationTokens)
      .values({ identifier: me.owner.email!, token: `t-${me.owner.id}`, expires: new Date(Date.now() + 600_000) });
    await deleteAccount(me.owner.id);
    expect(
      await db().select().from(verificationTokens).where(eq(verificationTokens.identifier, me.owner.email!)),
    ).toEqual([]);
    expect(await db().select().from(users).where(eq(users.id, me.owner.id))).toEqual([]);
    expect(await db().select().from(cars).where(eq(cars.ownerId, me.owner.id))).toEqual([]);
    expect(await db().select().from(cars).where(eq(cars.id, me.car.id))).toEqual([]);
    expect(await db().select().from(sessions).where(eq(sessions.sessionToken, me.sessionToken))).toEqual([]);
    expect(await db().select().from(authenticators).where(eq(authenticators.credentialID, me.passkey))).toEqual([]);
    expect(await db().select().from(signIns).where(eq(signIns.userId, me.owner.id))).toEqual([]);
  });

  it("cancels an upcoming registration and frees its places", async () => {
    const me = await ownerWithHistory("upcoming");
    const stays = await createOwner("stays");
    const staysReg = await register(
      me.upcoming.event.id,
      stays.id,
      (await carOf(stays.id)).id,
      me.upcoming.session.id,
      { plaque: 4 },
    );
    const before = Date.now();
    await deleteAccount(me.owner.id);

    const [reg] = await db().select().from(registrations).where(eq(registrations.id, me.upcomingReg.id));
    expect(reg).toMatchObject({
      status: "cancelled",
      ownerId: null,
      carId: null,
      secondDriverName: null,
      secondDriverEmail: null,
    });
    expect(reg!.cancelledAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(
      await db().select().from(registrationSessions).where(eq(registrationSessions.registrationId, me.upcomingReg.id)),
    ).toEqual([]);
    const taken = await db()
      .select()
      .from(registrationSessions)
      .where(
        and(eq(registrationSessions.sessionId, me.upcoming.session.id), eq(registrationSessions.status, "confirmed")),
      );
    expect(taken.map((p) => p.registrationId)).toEqual([staysReg.id]);
  });

  it("keeps a past registration for the club's records, without owner, car or second driver", async () => {
    const me = await ownerWithHistory("past");
    await deleteAccount(me.owner.id);
    const [reg] = await db().select().from(registrations).where(eq(registrations.id, me.pastReg.id));
    expect(reg).toMatchObject({
      eventId: me.past.event.id,
      status: "active",
      plaque: 3,
      ownerId: null,
      carId: null,
      secondDriverName: null,
      secondDriverEmail: null,
      cancelledAt: null,
    });
    const places = await db()
      .select()
      .from(registrationSessions)
      .where(eq(registrationSessions.registrationId, me.pastReg.id));
    expect(places.map((p) => p.sessionId)).toEqual([me.past.session.id]);
  });

  it("leaves another user's profile, cars, registrations and sign-ins alone", async () => {
    const me = await ownerWithHistory("gone");
    const other = await ownerWithHistory("other");
    const otherReg = await register(me.upcoming.event.id, other.owner.id, other.car.id, me.upcoming.session.id, {
      plaque: 9,
      secondDriverName: "Max",
    });
    await deleteAccount(me.owner.id);

    expect((await db().select().from(users).where(eq(users.id, other.owner.id)))[0]).toEqual(other.owner);
    expect((await db().select().from(cars).where(eq(cars.id, other.car.id)))[0]).toEqual(other.car);
    const regs = await db()
      .select()
      .from(registrations)
      .where(inArray(registrations.id, [other.pastReg.id, other.upcomingReg.id, otherReg.id]));
    for (const reg of regs)
      expect(reg).toMatchObject({ ownerId: other.owner.id, carId: other.car.id, status: "active", cancelledAt: null });
    expect(regs.find((r) => r.id === otherReg.id)?.secondDriverName).toBe("Max");
    expect(regs.find((r) => r.id === other.upcomingReg.id)?.secondDriverName).toBe("Lena Müller");
    const places = await db()
      .select()
      .from(registrationSessions)
      .where(
        inArray(
          registrationSessions.registrationId,
          regs.map((r) => r.id),
        ),
      );
    expect(places).toHaveLength(3);
    expect(await db().select().from(sessions).where(eq(sessions.sessionToken, other.sessionToken))).toHaveLength(1);
    expect(await db().select().from(authenticators).where(eq(authenticators.credentialID, other.passkey))).toHaveLength(
      1,
    );
    expect((await exportMyData(other.owner.id)).signInHistory).toHaveLength(2);
  });

  it("does nothing for an unknown user", async () => {
    await expect(deleteAccount("no-such-user")).resolves.toEqual({ ok: true });
  });
});

describe("deleteAccount and the waiting list", () => {
  it("gives a deleted owner's confirmed place to the first car waiting", async () => {
    const { event, sessions } = await openEvent({ sessions: [{ start: "09:00", end: "10:00", capacity: 1 }] });
    const [leaver, waiter] = await ownersWithCars(2);
    const first = await registerCar(leaver!.ownerId, form(event.id, leaver!.carIds[0]!, [sessions[0]!.id]));
    const second = await registerCar(waiter!.ownerId, form(event.id, waiter!.carIds[0]!, [sessions[0]!.id]));
    expect(first.ok && second.ok).toBe(true);
    await deleteAccount(leaver!.ownerId);
    const places = await sessionPlaces(sessions[0]!.id);
    expect(places).toEqual([
      expect.objectContaining({ registrationId: second.ok ? second.registrationId : "", status: "confirmed" }),
    ]);
  });
});
