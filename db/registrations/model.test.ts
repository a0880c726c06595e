import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { clashes } from "@/lib/clash";
import { RegistrationModel, type ModelSession, type Snapshot } from "@/test/registration-model";
import { sequence, world, type Op, type World } from "@/test/registration-model-ops";
import { createClubRow, form, openEvent, ownersWithCars, skipCommitFlush, type Garage } from "@/test/registration";
import { db } from "../client";
import { sqlRows } from "../query";
import { placesOf } from "./reads";
import { changeCar } from "./change-car";
import { cancelRegistration, changeSessions, registerCar } from "./writes";

skipCommitFlush();
const RUNS = 1000;
const LANES = 10;

type DbRow = {
  id: string;
  status: string;
  car_id: string;
  session_id: string | null;
  place: string | null;
  position: string | null;
};

async function databaseSnapshot(eventId: string): Promise<Snapshot> {
  const rows = await sqlRows<DbRow>(
    db(),
    sql`
    select r.id, r.status, r.car_id, rs.session_id, rs.status as place,
      case when rs.status = 'waiting' then row_number() over (partition by rs.session_id, rs.status order by rs.wait_seq) end as position
    from registrations r left join registration_sessions rs on rs.registration_id = r.id
    where r.event_id = ${eventId}`,
  );
  const out: Snapshot = {};
  for (const r of rows) {
    const reg = (out[r.id] ??= { status: r.status, carId: r.car_id, places: [] });
    if (r.session_id)
      reg.places.push({
        sessionId: r.session_id,
        status: r.place!,
        position: r.position === null ? null : Number(r.position),
      });
  }
  for (const reg of Object.values(out)) reg.places.sort((a, b) => (a.sessionId < b.sessionId ? -1 : 1));
  return out;
}

/** What must hold of the database whatever happened before. */
function expectInvariants(snap: Snapshot, sessions: ModelSession[], maxPerCar: number | null) {
  const regs = Object.values(snap);
  for (const s of sessions) {
    const places = regs.flatMap((r) => r.places.filter((p) => p.sessionId === s.id));
    const confirmed = places.filter((p) => p.status === "confirmed").length;
    const positions = places
      .filter((p) => p.status === "waiting")
      .map((p) => p.position)
      .sort((a, b) => a! - b!);
    expect(confirmed).toBeLessThanOrEqual(s.capacity);
    expect(positions).toEqual(positions.map((_, i) => i + 1));
    if (positions.length > 0) expect(confirmed).toBe(s.capacity); // nobody waits beside a free place
  }
  const active = regs.filter((r) => r.status === "active");
  expect(new Set(active.map((r) => r.carId)).size).toBe(active.length);
  for (const r of regs) {
    if (r.status === "cancelled") expect(r.places).toEqual([]);
    else expect(r.places.length).toBeGreaterThanOrEqual(1);
    const held = sessions.filter((s) => r.places.some((p) => p.sessionId === s.id));
    if (maxPerCar !== null) expect(held.length).toBeLessThanOrEqual(maxPerCar);
    expect(held.some((a, i) => held.some((b, j) => j > i && clashes(a, b)))).toBe(false);
  }
}

// Which event page changed is not the model's concern: compare what the owner is told.
const withoutSlug = <R extends object>(result: R) =>
  Object.fromEntries(Object.entries(result).filter(([k]) => k !== "eventSlug"));

/** One random sequence on a fresh event, checked against the model after every step; returns the step count. */
async function checkSequence(
  pool: Garage[],
  clubId: string,
  w: World,
  ops: Op[],
): Promise<{ steps: number; promotions: number }> {
  const hh = (h: number) => `${String(9 + h).padStart(2, "0")}:00`;
  const { event, sessions } = await openEvent({
    clubId,
    maxSessionsPerCar: w.maxPerCar,
    sessions: w.sessions.map((s) => ({ start: hh(s.start), end: hh(s.start + s.hours), capacity: s.capacity })),
  });
  const owners = pool.slice(0, w.carsEach.length).map((g, i) => ({ ...g, carIds: g.carIds.slice(0, w.carsEach[i]) }));
  const allCars = owners.flatMap((o) => o.carIds);
  const model = new RegistrationModel(
    sessions,
    w.maxPerCar,
    new Map(owners.flatMap((o) => o.carIds.map((c) => [c, o.ownerId] as const))),
  );
  const keys: string[] = [];
  const pickSessions = (picks: number[]) => picks.map((i) => sessions[i % sessions.length]!.id);
  const target = (n: number) => model.ids()[n % Math.max(1, model.ids().length)] ?? randomUUID();
  const actor = (registrationId: string, stranger: boolean) => {
    const owner = model.ownerOf(registrationId) ?? owners[0]!.ownerId;
    const i = owners.findIndex((o) => o.ownerId === owner);
    return stranger ? owners[(i + 1) % owners.length]!.ownerId : owner;
  };

  for (const o of ops) {
    if (o.t === "register") {
      const user = owners[o.owner % owners.length]!;
      const carId = o.own ? user.carIds[o.car % user.carIds.length]! : allCars[o.car % allCars.length]!;
      const key = o.replay !== null && keys.length ? keys[o.replay % keys.length]! : randomUUID();
      keys.push(key);
      const known = new Set(model.ids());
      const got = await registerCar(
        user.ownerId,
        form(event.id, carId, pickSessions(o.sessions), { idempotencyKey: key }),
      );
      const expected = model.register(
        user.ownerId,
        carId,
        pickSessions(o.sessions),
        key,
        got.ok ? got.registrationId : "none",
      );
      expect(withoutSlug(got)).toEqual(expected);
      if (model.ids().length > known.size) expect(known.has(model.ids().at(-1)!)).toBe(false);
    } else if (o.t === "promote") {
      const snap = model.snapshot();
      const waitedFor = (sessionId: string) =>
        Object.values(snap).some((r) => r.places.some((p) => p.sessionId === sessionId && p.status === "waiting"));
      const holders = Object.entries(snap).flatMap(([id, r]) =>
        r.places
          .filter((p) => p.status === "confirmed" && waitedFor(p.sessionId))
          .map((p) => ({ id, sessionId: p.sessionId, rest: r.places.filter((q) => q !== p).map((q) => q.sessionId) })),
      );
      const h = holders[o.reg % Math.max(1, holders.length)];
      if (h) {
        const user = model.ownerOf(h.id)!;
        if (o.drop && h.rest.length > 0)
          expect(withoutSlug(await changeSessions(user, h.id, h.rest))).toEqual(
            model.changeSessions(user, h.id, h.rest),
          );
        else expect(withoutSlug(await cancelRegistration(user, h.id))).toEqual(model.cancel(user, h.id));
      }
    } else {
      const id = target(o.reg);
      const user = actor(id, o.stranger);
      if (o.t === "change") {
        expect(withoutSlug(await changeSessions(user, id, pickSessions(o.sessions)))).toEqual(
          model.changeSessions(user, id, pickSessions(o.sessions)),
        );
      } else if (o.t === "cancel") {
        expect(withoutSlug(await cancelRegistration(user, id))).toEqual(model.cancel(user, id));
      } else {
        const mine = owners.find((g) => g.ownerId === user)!.carIds;
        const carId = o.own ? mine[o.car % mine.length]! : allCars[o.car % allCars.length]!;
        expect(withoutSlug(await changeCar(user, id, carId))).toEqual(model.changeCar(user, id, carId));
      }
    }
    const snap = await databaseSnapshot(event.id);
    expect(snap).toEqual(model.snapshot());
    expectInvariants(snap, sessions, w.maxPerCar);
  }
  // What the owner is shown (placesOf: positions counted on the fly) agrees with the list's rank.
  const final = model.snapshot();
  await Promise.all(
    model.ids().map(async (id) => {
      const shown = (await placesOf(id)).map((p) => ({
        sessionId: p.sessionId,
        status: p.status,
        position: p.position,
      }));
      expect(shown.sort((a, b) => (a.sessionId < b.sessionId ? -1 : 1))).toEqual(final[id]!.places);
    }),
  );
  return { steps: ops.length, promotions: model.promotions };
}

describe("registration against an in-memory model", () => {
  let pools: Garage[][];
  let clubId: string;
  beforeAll(async () => {
    pools = await Promise.all(Array.from({ length: LANES }, () => ownersWithCars(6, 2)));
    clubId = (await createClubRow()).id;
  });

  it(`agrees with the model over ${RUNS} random sequences of register / change / cancel / change car`, async () => {
    const started = performance.now();
    let steps = 0;
    let sequences = 0;
    let promotions = 0;
    // Independent lanes (own owners, own events) run side by side: the database is latency-bound.
    let failing: number | null = null; // once a lane fails, the others pass their remaining runs empty while it shrinks
    const lanes = await Promise.allSettled(
      pools.map((pool, lane) =>
        fc.assert(
          fc.asyncProperty(world, sequence, async (w, ops) => {
            if (failing !== null && failing !== lane) return;
            const done = await checkSequence(pool, clubId, w, ops).catch((error: unknown) => {
              failing ??= lane;
              throw error;
            });
            steps += done.steps;
            promotions += done.promotions;
            sequences++;
          }),
          { numRuns: RUNS / LANES },
        ),
      ),
    );
    const failed = lanes.find((l) => l.status === "rejected");
    if (failed) throw (failed as PromiseRejectedResult).reason;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.info(`[registration-model] ${RUNS} sequences, ${steps} operations, ${promotions} promotions: ${seconds} s`);
    expect(sequences).toBe(RUNS);
    expect(promotions).toBeGreaterThan(0);
  }, 600_000);
});
