import { randomBytes } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { form, openEvent, ownersWithCars, sessionPlaces } from "@/test/registration";
import { registerCar } from "./registrations/writes";
import { addDays } from "@/lib/time";
import { createEvent, createOwner, oneM, register, today } from "@/test/owners";
import { deleteAccount } from "./account";
import { exportMyData } from "./account-export";
import { createCar } from "./cars";
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
import { recordSignIn } from "./users";

async function addPasskey(userId: string) {
  const credentialID = randomBytes(16).toString("base64url");
  await db().insert(authenticators).values({
    credentialID,
    userId,
    providerAccountId: credentialID,
    credentialPublicKey: "pk",
    counter: 0,
    credentialDeviceType: "multiDevice",
    credentialBackedUp: true,
  });
  return credentialID;
}

async function carOf(ownerId: string, overrides: Record<string, string> = {}) {
  const created = await createCar(ownerId, oneM(overrides));
  if (!created.ok) throw new Error("create failed");
  return created.car;
}

/** An owner with a car, a sign-in session, a passkey, and registrations for a past and an upcoming event. */
async function ownerWithHistory(prefix: string) {
  const owner = await createOwner(prefix, {
    fullName: "Jonas Müller",
    displayName: "Jonas M.",
    country: "DE",
    phone: "+491512345678",
    locale: "de",
  });
  const car = await carOf(owner.id, { nickname: "Orange" });
  const past = await createEvent(addDays(today(), -60), addDays(today(), -59));
  const upcoming = await createEvent(addDays(today(), 45), addDays(today(), 46));
  const secondDriver = { secondDriverName: "Lena Müller", secondDriverEmail: `${prefix}-lena@example.test` };
  const pastReg = await register(past.event.id, owner.id, car.id, past.session.id, { plaque: 3, ...secondDriver });
  const upcomingReg = await register(upcoming.event.id, owner.id, car.id, upcoming.session.id, {
    plaque: 3,
    ...secondDriver,
  });
  const sessionToken = randomBytes(16).toString("hex");
  await db()
    .insert(sessions)
    .values({ sessionToken, userId: owner.id, expires: new Date(Date.now() + 86_400_000) });
  const passkey = await addPasskey(owner.id);
  await recordSignIn(owner.id, "email");
  await recordSignIn(owner.id, "passkey");
  return { owner, car, past, upcoming, pastReg, upcomingReg, sessionToken, passkey };
}

describe("exportMyData", () => {
  it("returns the profile, cars, registrations with their places, sign-ins and passkeys", async () => {
    const me = await ownerWithHistory("export");
    const secondCar = await carOf(me.owner.id, { colour: "Alpine White" });
    const data = await exportMyData(me.owner.id);

    expect(Date.parse(data.exportedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(data.profile).toEqual({
      email: me.owner.email,
      fullName: "Jonas Müller",
      displayName: "Jonas M.",
      country: "DE",
      phone: "+491512345678",
      language: "de",
      licenceNumber: null,
      licenceCountry: null,
      licenceValidUntil: null,
      emergencyName: null,
      emergencyPhone: null,
      experience: null,
      createdAt: me.owner.createdAt,
    });
    expect(data.waivers).toEqual([]);
    expect(data.cars.map((c) => c.id)).toEqual([me.car.id, secondCar.id]);
    expect(data.cars[0]).toMatchObject({ vin: me.car.vin, plate: "M-RM 1", nickname: "Orange" });
    for (const car of data.cars) expect(car).not.toHaveProperty("ownerId");
    expect(JSON.stringify(data.cars)).not.toContain(me.owner.id);

    expect(data.registrations.map((r) => r.id)).toEqual([me.pastReg.id, me.upcomingReg.id]);
    expect(data.registrations[1]).toMatchObject({
      event: me.upcoming.event.name,
      eventSlug: me.upcoming.event.slug,
      startsOn: me.upcoming.event.startsOn,
      status: "active",
      plaque: 3,
      carId: me.car.id,
      secondDriverName: "Lena Müller",
    });
    expect(data.registrations[1]!.sessions).toEqual([
      { session: me.upcoming.session.name, status: "confirmed", startsAt: me.upcoming.session.startsAt },
    ]);
    expect(data.registrations[0]!.sessions.map((s) => s.session)).toEqual([me.past.session.name]);

    expect(data.signInHistory.map((s) => s.method)).toEqual(["email", "passkey"]);
    expect(data.passkeys).toEqual([{ id: me.passkey, deviceType: "multiDevice" }]);
    expect(JSON.parse(JSON.stringify(data)).profile.email).toBe(me.owner.email);
  });

  it("holds nothing of another user", async () => {
    const me = await createOwner("quiet");
    const other = await ownerWithHistory("busy");
    const data = await exportMyData(me.id);
    expect(data).toMatchObject({ cars: [], registrations: [], signInHistory: [], passkeys: [] });
    expect(JSON.stringify(data)).not.toContain(other.owner.id);
    expect(JSON.stringify(data)).not.toContain(other.car.vin);
  });
});

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
