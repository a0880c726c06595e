import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { pickPromotion, placeFor } from "@/lib/allocation";
import { enqueueMail } from "../mail/queue";
import { settleCharges } from "../payments/charges";
import { sqlRows, type Tx } from "../query";
import { eventSessions, registrationSessions, type EventSession } from "../schema";

/**
 * Locks the sessions' rows in a fixed order (by id, so two transactions never deadlock). Every
 * change to a session's places happens under this lock: capacity is checked and written in the
 * same transaction, never read first and written later.
 */
export async function lockSessions(tx: Tx, sessionIds: string[]): Promise<EventSession[]> {
  if (sessionIds.length === 0) return [];
  const query = tx
    .select()
    .from(eventSessions)
    .where(inArray(eventSessions.id, sessionIds))
    .orderBy(asc(eventSessions.id));
  // The control run of the concurrency test removes the lock to prove the test can fail.
  if (process.env.NODE_ENV === "test" && process.env.RINGMEET_TEST_WITHOUT_SESSION_LOCK === "1") return query;
  return query.for("update");
}

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
  if (!chosen.every((id) => locked.some((s) => s.id === id))) throw new SessionGoneError();
  return locked;
}

async function confirmedCount(tx: Tx, sessionId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(registrationSessions)
    .where(and(eq(registrationSessions.sessionId, sessionId), eq(registrationSessions.status, "confirmed")));
  return row?.n ?? 0;
}

/** Gives the registration a place in a locked session: confirmed while there is room, else waiting. */
export async function placeInSession(
  tx: Tx,
  registrationId: string,
  session: EventSession,
): Promise<"confirmed" | "waiting"> {
  const status = placeFor(await confirmedCount(tx, session.id), session.capacity);
  await tx.insert(registrationSessions).values({
    registrationId,
    sessionId: session.id,
    status,
    waitSeq: status === "waiting" ? sql`nextval('registration_wait_seq')` : null,
  });
  return status;
}

type Candidate = { registration_id: string; wait_seq: number; confirmed: { s: string; e: string }[] };

/**
 * Fills a locked session's free places from its waiting list, earliest arrival first, skipping
 * anyone whose confirmed places would clash. Each promotion queues a "place confirmed" mail and,
 * in a paid event, charges the place.
 */
export async function fillFreePlaces(tx: Tx, session: EventSession): Promise<string[]> {
  const promoted: string[] = [];
  let free = session.capacity - (await confirmedCount(tx, session.id));
  while (free > 0) {
    const rows = await sqlRows<Candidate>(
      tx,
      sql`
      select rs.registration_id, rs.wait_seq,
        coalesce(json_agg(json_build_object('s', es.starts_at, 'e', es.ends_at)) filter (where es.id is not null), '[]') as confirmed
      from registration_sessions rs
      left join registration_sessions other on other.registration_id = rs.registration_id and other.status = 'confirmed'
      left join event_sessions es on es.id = other.session_id
      where rs.session_id = ${session.id} and rs.status = 'waiting'
      group by rs.registration_id, rs.wait_seq
      order by rs.wait_seq
      limit 100`,
    );
    const next = pickPromotion(
      session,
      rows.map((r) => ({
        registrationId: r.registration_id,
        waitSeq: Number(r.wait_seq),
        confirmedElsewhere: r.confirmed.map((c) => ({ startsAt: new Date(c.s), endsAt: new Date(c.e) })),
      })),
    );
    if (!next) break;
    await tx
      .update(registrationSessions)
      .set({ status: "confirmed", waitSeq: null })
      .where(and(eq(registrationSessions.registrationId, next), eq(registrationSessions.sessionId, session.id)));
    await enqueueMail(tx, { kind: "placeConfirmed", registrationId: next, sessionId: session.id });
    await settleCharges(tx, next);
    promoted.push(next);
    free--;
  }
  return promoted;
}
