import "server-only";
import { eq, sql } from "drizzle-orm";
import { carRefusal, openOrNull, replayOf, runGroupRefusal, sessionsRefusal } from "@/lib/registration-verdicts";
import { db } from "../client";
import { idList, type Tx } from "../query";
import { readRows, rowReader } from "../row-reader";
import { cars, eventSessions, events, registrations, users, type Event } from "../schema";
import { refuse, type Refusal, type Result } from "../result";

/**
 * `eventSlug` names the event whose public page changed; it is absent when nothing changed (a
 * replayed form, the same sessions again), so the action refreshes no page it need not.
 */
export type WriteResult = Result<{ registrationId: string; eventSlug?: string }>;
export const fail = (field: string, error: string) => refuse(error, field) as Refusal & { field: string };

export type Allocation = Event["allocation"];

export const EVENT = rowReader(events, "e");
export const CAR = rowReader(cars, "c");
export const SESSION = rowReader(eventSessions, "s");

// Each check is a query and a verdict on its rows, so that registerCar can send its queries together.

// FOR SHARE: the organiser's cancellation (an UPDATE of the row) waits until this registration has
// committed, and so tells its owner; or, cancelled first, this read waits and sees "cancelled".
// These three read whole rows on every registration: their select lists are built once (db/row-reader.ts).
export const eventById = (tx: Tx, eventId: string) =>
  readRows(tx, sql`select ${EVENT.columns} from events e where e.id = ${eventId} for share`, EVENT);
// FOR SHARE: the owner cannot delete the car while it is being registered.
export const ownCar = (tx: Tx, userId: string, carId: string) =>
  readRows(tx, sql`select ${CAR.columns} from cars c where c.id = ${carId} and c.owner_id = ${userId} for share`, CAR);
export const sessionsOf = (tx: Tx, eventId: string, unique: string[]) =>
  unique.length ? readRows(tx, sessionsIn(eventId, unique), SESSION) : Promise.resolve([]);
/** sessionsOf's statement (none chosen, none read: an empty `in ()` is no SQL). */
export const sessionsIn = (eventId: string, unique: string[]) =>
  sql`select ${SESSION.columns} from event_sessions s
    where s.id in (${unique.length ? idList(unique) : sql`null`}) and s.event_id = ${eventId}`;
export const byIdempotencyKey = (q: Tx | ReturnType<typeof db>, key: string) =>
  q
    .select({ id: registrations.id, ownerId: registrations.ownerId })
    .from(registrations)
    .where(eq(registrations.idempotencyKey, key));

/** The event while its registration window is open, if it gives places the given way. */
export async function openEvent(
  tx: Tx,
  eventId: string,
  now: Date,
  allocation: Allocation[] = ["fcfs"],
): Promise<Event | null> {
  const [event] = await eventById(tx, eventId);
  return openOrNull(event, now, allocation);
}

export async function eligibleCar(tx: Tx, userId: string, carId: string, event: Event) {
  const [car] = await ownCar(tx, userId, carId);
  return carRefusal(car, event);
}

/**
 * The chosen sessions: this event's, within its limits, and (with `runGroups`) open to the
 * driver's experience; `only` names the sessions to check for that (those newly added).
 */
export async function checkSessions(
  tx: Tx,
  event: Event,
  sessionIds: string[],
  runGroups?: { userId: string; only?: string[] },
) {
  const unique = [...new Set(sessionIds)];
  const sessions = await sessionsOf(tx, event.id, unique);
  const refused = sessionsRefusal(sessions, unique, event);
  if (refused || !runGroups) return refused;
  const [owner] = await tx.select({ experience: users.experience }).from(users).where(eq(users.id, runGroups.userId));
  const checked = runGroups.only ? sessions.filter((s) => runGroups.only!.includes(s.id)) : sessions;
  return runGroupRefusal(checked, owner?.experience);
}

export async function findByIdempotencyKey(userId: string, key: string): Promise<WriteResult | null> {
  const [row] = await byIdempotencyKey(db(), key);
  return replayOf(row, userId);
}
