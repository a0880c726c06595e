import "server-only";
import { and, eq, sql, type SQL } from "drizzle-orm";
import { pickPromotion, placeFor } from "@/lib/allocation";
import { expectThat } from "../batch";
import { enqueueMail } from "../mail/queue";
import { settleCharges, settleOne } from "../payments/charges";
import { idList, sqlRows, type Tx } from "../query";
import { readRows } from "../row-reader";
import { fail, SESSION, type WriteResult } from "./checks";
import { eventFees, placeOffers, registrationSessions, type EventSession } from "../schema";

/**
 * Locks the sessions' rows in a fixed order (by id, so two transactions never deadlock). Every
 * change to a session's places happens under this lock: capacity is checked and written in the
 * same transaction, never read first and written later.
 */
export function lockSessions(tx: Tx, sessionIds: string[]): PromiseLike<EventSession[]> {
  if (sessionIds.length === 0) return Promise.resolve([]);
  return readRows(tx, sessionsLocked(sql`${SESSION.columns}`, sessionIds), SESSION);
}

/** The sessions' rows (`columns` of them) locked by id, lockSessions's statement. */
const sessionsLocked = (columns: SQL, sessionIds: string[]) => {
  // The control run of the concurrency test removes the lock to prove the test can fail.
  const unlocked = process.env.NODE_ENV === "test" && process.env.RINGMEET_TEST_WITHOUT_SESSION_LOCK === "1";
  return sql`select ${columns} from event_sessions s where s.id in (${idList(sessionIds)})
    order by s.id${unlocked ? sql`` : sql` for update`}`;
};

/**
 * lockChosenSessions for a batch (db/batch.ts): the sessions locked by id, and the batch failed
 * (ChangedSinceRead) unless every one of them is still there.
 */
export const lockAllChosen = (sessionIds: string[]) =>
  expectThat(sql`count(*) = ${sessionIds.length}`, sql`(${sessionsLocked(sql`s.id`, sessionIds)}) l`, "sessions");

/** A chosen session was deleted (the organiser removed it) after the write read it, before it locked it. */
export class SessionGoneError extends Error {
  constructor() {
    super("a chosen session was deleted");
  }
}

/**
 * lockSessions, where every session the person chose (`chosen`, all of them unless told) must
 * still be there once locked, or the transaction is rolled back (SessionGoneError) rather than
 * going on with fewer places than chosen.
 */
export async function lockChosenSessions(tx: Tx, sessionIds: string[], chosen = sessionIds): Promise<EventSession[]> {
  const locked = await lockSessions(tx, [...new Set(sessionIds)]);
  allLocked(chosen, locked);
  return locked;
}

/**
 * The session's places taken: confirmed, and offered to a waiting car and not yet answered (an
 * open offer holds its place, so a place is never offered twice nor taken by a newcomer meanwhile).
 */
async function takenCount(tx: Tx, sessionId: string): Promise<number> {
  const [row] = await sqlRows<{ n: string }>(tx, sql`select ${takenIn(sql`${sessionId}::uuid`)} as n`);
  return Number(row?.n ?? 0);
}

/** The places taken in a session (`sessionId`, an SQL expression): confirmed, and offered but not yet answered. */
const takenIn = (sessionId: SQL) =>
  sql`((select count(*) from registration_sessions where session_id = ${sessionId} and status = 'confirmed')
    + (select count(*) from place_offers where session_id = ${sessionId} and status = 'open'))`;

/**
 * A new registration's places in its chosen sessions, as lazy statements for one round trip (send
 * them with `pipelined`, db/query.ts, after the registration's row): the sessions locked (by id),
 * then a place in each, confirmed while the session has room, else waiting, then the charges
 * settled. The places are counted in a statement of their own, after the lock: it sees every place
 * committed before it was granted. Its verdict is lib/allocation's placeFor, written in SQL so that
 * nothing need come back before the places are written, each round trip made holding the locks
 * delaying every owner queued behind them. No place is written if the row is not there (its insert
 * found the car registered). Pass what the lock returned to `allLocked`.
 */
export const placeNewRegistration = (tx: Tx, registrationId: string, sessionIds: string[]) =>
  [
    lockSessions(tx, sessionIds),
    tx.execute(newPlaces(registrationId, sessionIds)),
    settleOne(tx, [registrationId]),
  ] as const;

/** placeNewRegistration's places: one in each session, confirmed while it has room, else waiting. */
export const newPlaces = (registrationId: string, sessionIds: string[]) =>
  sql`insert into registration_sessions (registration_id, session_id, status, wait_seq)
    select r.id, s.id, p.status, case when p.status = 'waiting' then nextval('registration_wait_seq') end
    from registrations r
    join event_sessions s on s.id in (${idList(sessionIds)})
    cross join lateral (select (case when ${takenIn(sql`s.id`)} < s.capacity then 'confirmed' else 'waiting' end)::place_status as status) p
    where r.id = ${registrationId}`;

/** Every chosen session was still there once locked; else SessionGoneError rolls the transaction back. */
export function allLocked(sessionIds: string[], locked: EventSession[]): void {
  if (!sessionIds.every((id) => locked.some((s) => s.id === id))) throw new SessionGoneError();
}

/** Gives the registration a place in a locked session: confirmed while there is room, else waiting. */
export async function placeInSession(
  tx: Tx,
  registrationId: string,
  session: EventSession,
): Promise<"confirmed" | "waiting"> {
  const status = placeFor(await takenCount(tx, session.id), session.capacity);
  await tx.insert(registrationSessions).values({
    registrationId,
    sessionId: session.id,
    status,
    waitSeq: status === "waiting" ? sql`nextval('registration_wait_seq')` : null,
  });
  return status;
}

type Candidate = { registration_id: string; wait_seq: number; confirmed: { s: string; e: string }[] };

/** The next car waiting for a locked session that may take a place: earliest arrival first, no clash, no open offer. */
async function nextWaiting(tx: Tx, session: EventSession): Promise<string | null> {
  const rows = await sqlRows<Candidate>(
    tx,
    sql`
    select rs.registration_id, rs.wait_seq,
      coalesce(json_agg(json_build_object('s', es.starts_at, 'e', es.ends_at)) filter (where es.id is not null), '[]') as confirmed
    from registration_sessions rs
    left join registration_sessions other on other.registration_id = rs.registration_id and other.status = 'confirmed'
    left join event_sessions es on es.id = other.session_id
    where rs.session_id = ${session.id} and rs.status = 'waiting'
      and not exists (select 1 from place_offers o where o.registration_id = rs.registration_id and o.session_id = rs.session_id and o.status = 'open')
    group by rs.registration_id, rs.wait_seq
    order by rs.wait_seq
    limit 100`,
  );
  return pickPromotion(
    session,
    rows.map((r) => ({
      registrationId: r.registration_id,
      waitSeq: Number(r.wait_seq),
      confirmedElsewhere: r.confirmed.map((c) => ({ startsAt: new Date(c.s), endsAt: new Date(c.e) })),
    })),
  );
}

/** How long a freed place is offered for, when the event offers freed places (a paid event's choice); else null. */
async function offerHours(tx: Tx, eventId: string): Promise<number | null> {
  const [terms] = await tx
    .select({ on: eventFees.offerFreedPlaces, hours: eventFees.offerHours })
    .from(eventFees)
    .where(eq(eventFees.eventId, eventId));
  return terms?.on ? terms.hours : null;
}

/**
 * Fills a locked session's free places from its waiting list, earliest arrival first, skipping
 * anyone whose confirmed places would clash. Each car moved up is told ("place confirmed") and, in
 * a paid event, charged. When the event offers freed places instead, the next car gets an offer
 * (db/registrations/offers.ts) that holds the place until answered or expired. Returns the cars
 * moved up (not those offered a place).
 */
export async function fillFreePlaces(tx: Tx, session: EventSession): Promise<string[]> {
  const promoted: string[] = [];
  const hours = await offerHours(tx, session.eventId);
  let free = session.capacity - (await takenCount(tx, session.id));
  while (free > 0) {
    const next = await nextWaiting(tx, session);
    if (!next) break;
    free--;
    if (hours !== null) {
      await offerPlace(tx, next, session.id, hours);
      continue;
    }
    await tx
      .update(registrationSessions)
      .set({ status: "confirmed", waitSeq: null })
      .where(and(eq(registrationSessions.registrationId, next), eq(registrationSessions.sessionId, session.id)));
    await enqueueMail(tx, { kind: "placeConfirmed", registrationId: next, sessionId: session.id });
    await settleCharges(tx, next);
    promoted.push(next);
  }
  return promoted;
}

/** Offers the place: the car is mailed, and a job expires the offer at its hour (job key: one per offer). */
async function offerPlace(tx: Tx, registrationId: string, sessionId: string, hours: number): Promise<void> {
  const expiresAt = new Date(Date.now() + hours * 3_600_000);
  const [offer] = await tx
    .insert(placeOffers)
    .values({ registrationId, sessionId, expiresAt })
    .returning({ id: placeOffers.id });
  await enqueueMail(tx, { kind: "placeOffered", registrationId, sessionId, offerId: offer!.id });
  await tx.execute(sql`select graphile_worker.add_job('expireOffer', json_build_object('offerId', ${offer!.id}::text),
    run_at := ${expiresAt.toISOString()}::timestamptz, job_key := ${`offer:${offer!.id}`}, max_attempts := 10)`);
}

/** A session deleted under a write (lockChosenSessions) rolled it back: the person is told beside the sessions. */
export async function sessionsStillThere(write: () => Promise<WriteResult>): Promise<WriteResult> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof SessionGoneError) return fail("sessionIds", "errors.sessionNotInEvent");
    throw error;
  }
}
