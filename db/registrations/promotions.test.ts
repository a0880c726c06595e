import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { zonedMoment } from "@/lib/time";
import { form, openEvent, ownersWithCars, registerInOrder, sessionPlaces } from "@/test/registration";
import { mailJobsFor } from "@/test/mail";
import { deleteCar } from "../cars";
import { db } from "../client";
import { sqlRows } from "../query";
import { eventSessions, registrations } from "../schema";
import { placesOf } from "./reads";
import { changeCar } from "./change-car";
import { cancelRegistration, changeSessions, registerCar } from "./writes";

const listOf = async (sessionId: string) =>
  (await sessionPlaces(sessionId)).map((p) => [p.registrationId, p.status, p.position]);
const xminOf = async (table: "registrations" | "registration_sessions", where: ReturnType<typeof sql>) =>
  (await sqlRows<{ x: string }>(db(), sql`select xmin::text as x from ${sql.identifier(table)} where ${where}`))[0]?.x;

describe("a freed place goes to the first car waiting", () => {
  it("on cancelling: the first waiting car is confirmed in the same transaction, the list moves up, a mail is queued", async () => {
    const { event, sessions } = await openEvent({ sessions: [{ start: "09:00", end: "12:00", capacity: 1 }] });
    const s = sessions[0]!.id;
    const owners = await ownersWithCars(4);
    const [a, b, c, d] = await registerInOrder(event.id, owners, [[s]]);
    expect(await listOf(s)).toEqual([
      [a, "confirmed", null],
      [b, "waiting", 1],
      [c, "waiting", 2],
      [d, "waiting", 3],
    ]);

    expect(await cancelRegistration(owners[0]!.ownerId, a!)).toMatchObject({ ok: true, registrationId: a });
    expect(await listOf(s)).toEqual([
      [b, "confirmed", null],
      [c, "waiting", 1],
      [d, "waiting", 2],
    ]);
    expect((await placesOf(d!)).map((p) => [p.status, p.position])).toEqual([["waiting", 2]]);

    const promoted = (await mailJobsFor(b!)).filter((j) => j.kind === "placeConfirmed");
    expect(promoted).toMatchObject([{ task: "sendMail", sessionId: s }]);
    // One transaction: the promotion, the cancellation and both mails carry the same transaction id.
    const tx = await xminOf("registration_sessions", sql`registration_id = ${b} and session_id = ${s}`);
    expect(await xminOf("registrations", sql`id = ${a}`)).toBe(tx);
    expect(promoted[0]!.xmin).toBe(tx);
    expect((await mailJobsFor(a!)).map((j) => [j.kind, j.xmin])).toEqual([
      ["registrationReceived", expect.any(String)],
      ["registrationCancelled", tx],
    ]);
    for (const other of [c, d])
      expect((await mailJobsFor(other!)).some((j) => j.kind === "placeConfirmed")).toBe(false);
  });

  it("on dropping a session: confirmed goes to the first waiting; dropping a waiting place promotes nobody", async () => {
    const { event, sessions } = await openEvent({
      sessions: [
        { start: "09:00", end: "10:00", capacity: 1 },
        { start: "11:00", end: "12:00", capacity: 5 },
      ],
    });
    const [s1, s2] = sessions.map((x) => x.id) as [string, string];
    const owners = await ownersWithCars(3);
    const [a, b, c] = await registerInOrder(event.id, owners, [[s1, s2], [s1], [s1]]);
    expect(await changeSessions(owners[0]!.ownerId, a!, [s2])).toMatchObject({ ok: true, registrationId: a });
    expect(await listOf(s1)).toEqual([
      [b, "confirmed", null],
      [c, "waiting", 1],
    ]);
    expect((await mailJobsFor(b!)).filter((j) => j.kind === "placeConfirmed")).toHaveLength(1);
    // Asking for the session again puts the car at the end of the list, not back in its old place.
    await changeSessions(owners[0]!.ownerId, a!, [s1, s2]);
    expect(await listOf(s1)).toEqual([
      [b, "confirmed", null],
      [c, "waiting", 1],
      [a, "waiting", 2],
    ]);
    await changeSessions(owners[2]!.ownerId, c!, [s2]);
    expect(await listOf(s1)).toEqual([
      [b, "confirmed", null],
      [a, "waiting", 1],
    ]);
    expect((await mailJobsFor(a!)).some((j) => j.kind === "placeConfirmed")).toBe(false);
  });

  it("skips a waiting car whose confirmed session now clashes (the organiser moved it) and takes the next", async () => {
    const { event, sessions } = await openEvent({
      sessions: [
        { start: "09:00", end: "11:00", capacity: 1 },
        { start: "12:00", end: "13:00", capacity: 5 },
      ],
    });
    const [s1, s2] = sessions.map((x) => x.id) as [string, string];
    const owners = await ownersWithCars(3);
    const [x, y, z] = await registerInOrder(event.id, owners, [[s1], [s1, s2], [s1]]);
    await db()
      .update(eventSessions)
      .set({ startsAt: zonedMoment(event.startsOn, "10:00"), endsAt: zonedMoment(event.startsOn, "12:00") })
      .where(eq(eventSessions.id, s2));
    await cancelRegistration(owners[0]!.ownerId, x!);
    expect(await listOf(s1)).toEqual([
      [z, "confirmed", null],
      [y, "waiting", 1],
    ]);
    expect((await mailJobsFor(y!)).some((j) => j.kind === "placeConfirmed")).toBe(false);
    expect((await mailJobsFor(z!)).filter((j) => j.kind === "placeConfirmed")).toHaveLength(1);
  });

  // Fails today: changeSessions refills only the sessions it drops, so a car whose clash is gone
  // keeps waiting beside a free place and a later registration takes that place ahead of it.
  it("offers a free place to a waiting car once its clashing session is dropped", async () => {
    const { event, sessions } = await openEvent({
      sessions: [
        { start: "09:00", end: "11:00", capacity: 1 },
        { start: "12:00", end: "13:00", capacity: 5 },
      ],
    });
    const [s1, s2] = sessions.map((x) => x.id) as [string, string];
    const owners = await ownersWithCars(3);
    const [x, y] = await registerInOrder(event.id, owners.slice(0, 2), [[s1], [s1, s2]]);
    await db()
      .update(eventSessions)
      .set({ startsAt: zonedMoment(event.startsOn, "10:00"), endsAt: zonedMoment(event.startsOn, "12:00") })
      .where(eq(eventSessions.id, s2));
    await cancelRegistration(owners[0]!.ownerId, x!); // Y clashes: the place stays free
    expect(await listOf(s1)).toEqual([[y, "waiting", 1]]);
    await changeSessions(owners[1]!.ownerId, y!, [s1]); // the clash is gone
    const [late] = await registerInOrder(event.id, owners.slice(2), [[s1]]);
    expect(await listOf(s1)).toEqual([
      [y, "confirmed", null],
      [late, "waiting", 1],
    ]);
  });
});

describe("changing the car", () => {
  it("keeps the places and the registration, and refuses a car already registered in the event", async () => {
    const { event, sessions } = await openEvent({ sessions: [{ start: "09:00", end: "12:00", capacity: 1 }] });
    const [me, other] = await ownersWithCars(2, 3);
    const [mine, theirs] = await registerInOrder(event.id, [me!, other!], [[sessions[0]!.id]]);
    const before = await placesOf(theirs!);
    expect(await changeCar(other!.ownerId, theirs!, other!.carIds[1]!)).toMatchObject({
      ok: true,
      registrationId: theirs,
    });
    expect(await placesOf(theirs!)).toEqual(before);
    expect((await db().select().from(registrations).where(eq(registrations.id, theirs!)))[0]!.carId).toBe(
      other!.carIds[1],
    );
    // Another of my cars already in this event is refused; a car whose registration was cancelled is not.
    expect(await registerCar(me!.ownerId, form(event.id, me!.carIds[1]!, [sessions[0]!.id]))).toMatchObject({
      ok: true,
    });
    expect(await changeCar(me!.ownerId, mine!, me!.carIds[1]!)).toEqual({
      ok: false,
      field: "carId",
      error: "errors.carAlreadyRegistered",
    });
    expect(await changeCar(me!.ownerId, mine!, me!.carIds[0]!)).toMatchObject({ ok: true, registrationId: mine });
    expect(await changeCar(me!.ownerId, mine!, other!.carIds[0]!)).toEqual({
      ok: false,
      field: "carId",
      error: "errors.carNotYours",
    });
    expect(await changeCar(me!.ownerId, mine!, me!.carIds[2]!)).toMatchObject({ ok: true });
    expect(await registerCar(me!.ownerId, form(event.id, me!.carIds[0]!, [sessions[0]!.id]))).toMatchObject({
      ok: true,
    });
  });

  it("will not delete a car registered for an upcoming event, and never leaves a registration without its car", async () => {
    const { event, sessions } = await openEvent();
    const [me] = await ownersWithCars(1);
    const [reg] = await registerInOrder(event.id, [me!], [[sessions[0]!.id]]);
    expect(await deleteCar(me!.ownerId, me!.carIds[0]!)).toEqual({
      ok: false,
      error: "errors.carHasUpcomingRegistration",
    });
    await cancelRegistration(me!.ownerId, reg!);
    expect(await deleteCar(me!.ownerId, me!.carIds[0]!)).toEqual({ ok: true });
    // Deleting and registering the same car at once: one of them wins, never both.
    const racers = await ownersWithCars(8);
    const outcomes = await Promise.all(
      racers.map(async (g) => {
        const [registered, deleted] = await Promise.all([
          registerCar(g.ownerId, form(event.id, g.carIds[0]!, [sessions[0]!.id])),
          deleteCar(g.ownerId, g.carIds[0]!),
        ]);
        return [
          registered.ok ? "registered" : registered.error,
          !deleted ? "notFound" : deleted.ok ? "deleted" : deleted.error,
        ].join("+");
      }),
    );
    for (const o of outcomes)
      expect(["registered+errors.carHasUpcomingRegistration", "errors.carNotYours+deleted"]).toContain(o);
    const [orphans] = await sqlRows<{ n: number }>(
      db(),
      sql`select count(*)::int as n from registrations where event_id = ${event.id} and status = 'active' and car_id is null`,
    );
    expect(orphans!.n).toBe(0);
  });
});
