import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { db, sqlClient } from "@/db/client";
import { sqlRows, type Db } from "@/db/query";
import { registerCar, type RegisterInput } from "@/db/registrations/writes";
import { cars, eventSessions, events, users, type NewEvent } from "@/db/schema";
import { addDays, dayKey, zonedMoment } from "@/lib/time";
import { uniqueVin } from "./garage";
import { uniqueSuffix } from "./unique";

export type SessionSpec = { start: string; end: string; capacity: number; day?: number };
type EventSpec = Partial<Omit<NewEvent, "id" | "clubId" | "slug">> & { sessions?: SessionSpec[]; clubId?: string };

const HOUR = 3_600_000;
/** A calendar day (Europe/Berlin) `days` from today. */
export const dayFromToday = (days: number) => addDays(dayKey(new Date()), days);

/** A club of its own, for tests that make many events. */
export async function createClubRow(database: Db = db()) {
  const suffix = uniqueSuffix();
  // Raw SQL with only these columns: the migration tests insert into databases of older schemas.
  const [club] = await sqlRows<{ id: string; name: string; slug: string }>(
    database,
    sql`insert into clubs (name, slug) values (${`Club ${suffix}`}, ${`club-${suffix}`}) returning id, name, slug`,
  );
  return club!;
}

/**
 * A published first-come-first-served event whose registration window is open now (opened an
 * hour ago, closes in a week), 30 days ahead, with the given sessions (default: one, capacity 2).
 */
export async function openEvent(spec: EventSpec = {}, database: Db = db()) {
  const { sessions: sessionSpecs = [{ start: "09:00", end: "12:00", capacity: 2 }], clubId, ...fields } = spec;
  const suffix = uniqueSuffix();
  const startsOn = fields.startsOn ?? dayFromToday(30);
  const [event] = await database
    .insert(events)
    .values({
      clubId: clubId ?? (await createClubRow(database)).id,
      slug: `meet-${suffix}`,
      name: `Meet ${suffix}`,
      startsOn,
      endsOn: fields.endsOn ?? addDays(startsOn, 1),
      registrationOpensAt: new Date(Date.now() - HOUR),
      registrationClosesAt: new Date(Date.now() + 7 * 24 * HOUR),
      status: "published",
      allocation: "fcfs",
      ...fields,
    })
    .returning();
  const rows = sessionSpecs.map((s, i) => ({
    eventId: event!.id,
    name: `Session ${i + 1} ${suffix}`,
    startsAt: zonedMoment(addDays(startsOn, s.day ?? 0), s.start),
    endsAt: zonedMoment(addDays(startsOn, s.day ?? 0), s.end),
    capacity: s.capacity,
  }));
  const sessions = await database.insert(eventSessions).values(rows).returning();
  // Returned in the order given, whatever order the insert reports them in.
  sessions.sort((a, b) => rows.findIndex((r) => r.name === a.name) - rows.findIndex((r) => r.name === b.name));
  return { event: event!, sessions };
}

export type Garage = { ownerId: string; email: string; carIds: string[] };

/** `count` owners with `carsEach` cars (model bmw-1m-e82 unless told), in two multi-row inserts. */
export async function ownersWithCars(
  count: number,
  carsEach = 1,
  model = "bmw-1m-e82",
  database: Db = db(),
): Promise<Garage[]> {
  const suffix = uniqueSuffix();
  const owners = await database
    .insert(users)
    .values(
      Array.from({ length: count }, (_, i) => ({ email: `racer-${suffix}-${i}@example.test`, fullName: `Racer ${i}` })),
    )
    .returning({ id: users.id, email: users.email });
  const carRows = owners.flatMap((o, i) =>
    Array.from({ length: carsEach }, (_, j) => ({
      ownerId: o.id,
      model,
      year: 2011,
      colour: "Valencia Orange",
      vin: uniqueVin(),
      plate: `RM ${i}-${j}`,
      plateCountry: "DE",
    })),
  );
  const made = await database
    .insert(cars)
    .values(carRows)
    .returning({ id: cars.id, ownerId: cars.ownerId, vin: cars.vin });
  const order = new Map(carRows.map((c, i) => [c.vin, i]));
  made.sort((a, b) => order.get(a.vin ?? "")! - order.get(b.vin ?? "")!);
  return owners.map((o) => ({
    ownerId: o.id,
    email: o.email!,
    carIds: made.filter((c) => c.ownerId === o.id).map((c) => c.id),
  }));
}

/** The register form as the schema leaves it, with a fresh idempotency key. */
export const form = (
  eventId: string,
  carId: string,
  sessionIds: string[],
  extra: Partial<RegisterInput> = {},
): RegisterInput => ({
  eventId,
  carId,
  sessionIds,
  secondDriverName: null,
  secondDriverEmail: null,
  idempotencyKey: randomUUID(),
  ...extra,
});

export type PlaceRow = {
  registrationId: string;
  status: "confirmed" | "waiting";
  position: number | null;
  waitSeq: number | null;
};

/** Every place in a session, confirmed first, then the waiting list with 1-based positions by wait_seq. */
export async function sessionPlaces(sessionId: string, database: Db = db()): Promise<PlaceRow[]> {
  const rows = await sqlRows<{
    registration_id: string;
    status: "confirmed" | "waiting";
    wait_seq: string | null;
    position: string | null;
  }>(
    database,
    sql`
    select registration_id, status, wait_seq,
      case when status = 'waiting' then row_number() over (partition by status order by wait_seq) end as position
    from registration_sessions where session_id = ${sessionId}
    order by status, wait_seq nulls first, registration_id`,
  );
  return rows.map((r) => ({
    registrationId: r.registration_id,
    status: r.status,
    waitSeq: r.wait_seq === null ? null : Number(r.wait_seq),
    position: r.position === null ? null : Number(r.position),
  }));
}

/**
 * Holds the row locks of some sessions (or cars) on a connection of its own until `release()` is
 * called, so a test can line transactions up behind it. `pid` is the holding backend.
 */
export async function holdRowLocks(table: "event_sessions" | "cars", ids: string[]) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let ready!: (pid: number) => void;
  const pid = new Promise<number>((resolve) => (ready = resolve));
  const done = sqlClient().begin(async (tx) => {
    await tx`select id from ${tx(table)} where id in ${tx(ids)} order by id for update`;
    const [row] = await tx`select pg_backend_pid() as pid`;
    ready(Number(row!.pid));
    await released;
  });
  return { pid: await pid, release: async () => (release(), await done) };
}

/** Waits until `count` backends wait on a lock held by one of `pids`; returns those backends. */
export async function waitForWaiters(pids: number[], count: number, timeoutMs = 15_000): Promise<number[]> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const rows =
      await sqlClient()`select pid from pg_stat_activity where pg_blocking_pids(pid) && ${pids}::int[] order by backend_start`;
    if (rows.length >= count) return rows.map((r) => Number(r.pid));
    if (Date.now() > until)
      throw new Error(`only ${rows.length} of ${count} transactions queued behind ${pids.join(", ")}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * Makes this test file's pool commit without waiting for the WAL flush (synchronous_commit=off,
 * a connection parameter in DATABASE_URL). Locking and visibility are unchanged, only a crash could
 * lose the last commits; on a slow disk it halves a long property run. Call at the top of the file,
 * before the first db().
 */
export function skipCommitFlush() {
  const url = new URL(process.env.DATABASE_URL!);
  url.searchParams.set("synchronous_commit", "off");
  process.env.DATABASE_URL = url.href;
}

/** Row counts that a refused write must leave alone. */
export async function writeCounts(database: Db = db()) {
  const [row] = await sqlRows<{ registrations: number; places: number; jobs: number }>(
    database,
    sql`select
    (select count(*) from registrations)::int as registrations,
    (select count(*) from registration_sessions)::int as places,
    (select count(*) from graphile_worker._private_jobs)::int as jobs`,
  );
  return row!;
}

/** Registers each owner's first car, in this order (owner i for `sessionIds[i]`, else the first list). */
export async function registerInOrder(eventId: string, garages: Garage[], sessionIds: string[][]): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, g] of garages.entries()) {
    const result = await registerCar(g.ownerId, form(eventId, g.carIds[0]!, sessionIds[i] ?? sessionIds[0]!));
    if (!result.ok) throw new Error(`registration ${i} failed: ${result.error}`);
    ids.push(result.registrationId);
  }
  return ids;
}
