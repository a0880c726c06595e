import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { form, openEvent, ownersWithCars, sessionPlaces } from "@/test/registration";
import { db, sqlClient } from "./client";
import { registerCar, type WriteResult } from "./registration-writes";
import { placesOf } from "./registrations";
import { registrations } from "./schema";

const OWNERS = 1000;
const CAPACITY = 92;

/** 1,000 owners with a car each press "register" for one session at the same moment. */
async function stampede() {
  const { event, sessions } = await openEvent({ sessions: [{ start: "09:00", end: "12:00", capacity: CAPACITY }] });
  const session = sessions[0]!;
  const garages = await ownersWithCars(OWNERS);
  const started = performance.now();
  const settled = await Promise.allSettled(garages.map((g) => registerCar(g.ownerId, form(event.id, g.carIds[0]!, [session.id]))));
  const ms = Math.round(performance.now() - started);
  const errors = settled.filter((s) => s.status === "rejected").map((s) => String((s as PromiseRejectedResult).reason));
  const results = settled.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
  return { event, session, ms, errors, results, places: await sessionPlaces(session.id) };
}

const ids = (results: WriteResult[]) => results.flatMap((r) => (r.ok ? [r.registrationId] : []));

describe("1,000 owners registering at once for one session of 92", () => {
  const lockSwitch = process.env.RINGMEET_TEST_WITHOUT_SESSION_LOCK;
  afterEach(() => {
    if (lockSwitch === undefined) delete process.env.RINGMEET_TEST_WITHOUT_SESSION_LOCK;
    else process.env.RINGMEET_TEST_WITHOUT_SESSION_LOCK = lockSwitch;
  });

  it("confirms exactly 92 and queues 908 in arrival order, with no error", async () => {
    expect(sqlClient().options.max).toBe(10); // the production pool size (db/client.ts)
    const { event, ms, errors, results, places } = await stampede();
    console.info(`[registration-concurrency] ${OWNERS} registrations (capacity ${CAPACITY}, pool 10): ${ms} ms`);

    expect(errors).toEqual([]);
    expect(results.filter((r) => !r.ok)).toEqual([]);
    const registrationIds = ids(results);
    expect(new Set(registrationIds).size).toBe(OWNERS);
    expect(await db().$count(registrations, eq(registrations.eventId, event.id))).toBe(OWNERS);

    const confirmed = places.filter((p) => p.status === "confirmed");
    const waiting = places.filter((p) => p.status === "waiting");
    expect(confirmed).toHaveLength(CAPACITY);
    expect(waiting).toHaveLength(OWNERS - CAPACITY);
    expect(waiting.map((p) => p.position)).toEqual(Array.from({ length: OWNERS - CAPACITY }, (_, i) => i + 1));
    expect(new Set(waiting.map((p) => p.waitSeq)).size).toBe(OWNERS - CAPACITY);
    expect(confirmed.every((p) => p.waitSeq === null)).toBe(true);

    // What each owner is shown agrees with the session's list: one place each, the same position.
    const expected = new Map(places.map((p) => [p.registrationId, { status: p.status, position: p.position }]));
    const shown = await Promise.all(registrationIds.map(async (id) => [id, await placesOf(id)] as const));
    for (const [id, list] of shown) {
      expect(list).toHaveLength(1);
      expect({ status: list[0]!.status, position: list[0]!.position }).toEqual(expected.get(id));
    }
  }, 180_000);

  it("oversells when the session lock is removed (control run: the test above can fail)", async () => {
    process.env.RINGMEET_TEST_WITHOUT_SESSION_LOCK = "1";
    const { ms, errors, results, places } = await stampede();
    const confirmed = places.filter((p) => p.status === "confirmed").length;
    console.info(`[registration-concurrency] control run without the lock: ${confirmed} confirmed of ${CAPACITY} (${confirmed - CAPACITY} oversold) in ${ms} ms`);
    expect(errors).toEqual([]);
    expect(ids(results)).toHaveLength(OWNERS);
    expect(confirmed).toBeGreaterThan(CAPACITY);
  }, 180_000);

  it("takes the session row lock inside the registering transaction (a held lock makes registerCar wait)", async () => {
    const { event, sessions } = await openEvent({ sessions: [{ start: "09:00", end: "12:00", capacity: 1 }] });
    const [a, b] = await ownersWithCars(2);
    // Hold the session's row lock on a connection of its own; the registration must queue behind it.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const lockTaken = new Promise<void>((resolve) => (locked = resolve));
    const holder = sqlClient().begin(async (tx) => {
      await tx`select id from event_sessions where id = ${sessions[0]!.id} for update`;
      locked();
      await held;
    });
    await lockTaken;
    let done = false;
    const pending = registerCar(a!.ownerId, form(event.id, a!.carIds[0]!, [sessions[0]!.id])).then((r) => ((done = true), r));
    await new Promise((r) => setTimeout(r, 300));
    expect(done).toBe(false);
    release();
    await holder;
    expect(await pending).toMatchObject({ ok: true });
    const second = await registerCar(b!.ownerId, form(event.id, b!.carIds[0]!, [sessions[0]!.id]));
    expect(second.ok).toBe(true);
    expect((await sessionPlaces(sessions[0]!.id)).map((p) => p.status)).toEqual(["confirmed", "waiting"]);
  }, 30_000);
});
