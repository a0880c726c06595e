import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { checkSessionChoice } from "@/lib/allocation";
import { eventPhase } from "@/lib/event-phase";
import { zonedMoment } from "@/lib/time";
import { db } from "./client";
import { enqueueMail } from "./jobs";
import { fillFreePlaces, lockSessions, placeInSession, type Tx } from "./places";
import { cars, eventSessions, events, registrations, registrationSessions, type Event } from "./schema";

export type WriteResult = { ok: true; registrationId: string } | { ok: false; field: string; error: string };
const fail = (field: string, error: string) => ({ ok: false, field, error }) as const;

export type RegisterInput = {
  eventId: string;
  carId: string;
  sessionIds: string[];
  secondDriverName: string | null;
  secondDriverEmail: string | null;
  idempotencyKey: string;
};

async function openEvent(tx: Tx, eventId: string, now: Date): Promise<Event | null> {
  const [event] = await tx.select().from(events).where(eq(events.id, eventId));
  return event && eventPhase(event, now) === "open" && event.allocation === "fcfs" ? event : null;
}

async function eligibleCar(tx: Tx, userId: string, carId: string, event: Event) {
  // FOR SHARE: the owner cannot delete the car while it is being registered.
  const [car] = await tx.select().from(cars).where(and(eq(cars.id, carId), eq(cars.ownerId, userId))).for("share");
  if (!car) return fail("carId", "errors.carNotYours");
  if (event.eligibleModels?.length && !event.eligibleModels.includes(car.model)) return fail("carId", "errors.carNotEligible");
  return null;
}

async function checkSessions(tx: Tx, event: Event, sessionIds: string[]) {
  const unique = [...new Set(sessionIds)];
  const found = unique.length ? await tx.select().from(eventSessions).where(and(inArray(eventSessions.id, unique), eq(eventSessions.eventId, event.id))) : [];
  if (found.length !== unique.length) return fail("sessionIds", "errors.sessionNotInEvent");
  const problem = checkSessionChoice(found, event.maxSessionsPerCar);
  return problem ? fail("sessionIds", problem) : null;
}

/**
 * First come, first served registration of one car. Everything happens in one transaction: the
 * sessions are locked, each gets a confirmed place while it has room or a waiting place, and the
 * "registration received" mail is queued. A replayed form (same idempotency key) returns the
 * registration it already made.
 */
export async function registerCar(userId: string, input: RegisterInput, now = new Date()): Promise<WriteResult> {
  const replay = await findByIdempotencyKey(userId, input.idempotencyKey);
  if (replay) return replay;
  const result = await db().transaction(async (tx) => {
    const event = await openEvent(tx, input.eventId, now);
    if (!event) return fail("form", "errors.registrationClosed");
    const refused = (await eligibleCar(tx, userId, input.carId, event)) ?? (await checkSessions(tx, event, input.sessionIds));
    if (refused) return refused;
    const [created] = await tx.insert(registrations).values({
      eventId: event.id, carId: input.carId, ownerId: userId, idempotencyKey: input.idempotencyKey,
      secondDriverName: input.secondDriverName, secondDriverEmail: input.secondDriverEmail,
    }).onConflictDoNothing().returning({ id: registrations.id });
    if (!created) return fail("carId", "errors.carAlreadyRegistered");
    for (const session of await lockSessions(tx, [...new Set(input.sessionIds)])) await placeInSession(tx, created.id, session);
    await enqueueMail(tx, { kind: "registrationReceived", registrationId: created.id });
    const reminderAt = new Date(zonedMoment(event.startsOn, "09:00").getTime() - 2 * 24 * 3600 * 1000);
    if (reminderAt > now) await enqueueMail(tx, { kind: "reminder", registrationId: created.id }, { runAt: reminderAt, key: `reminder:${created.id}` });
    return { ok: true, registrationId: created.id } as const;
  });
  // A conflict may have been the same form racing itself rather than the car being taken.
  if (!result.ok && result.error === "errors.carAlreadyRegistered") return (await findByIdempotencyKey(userId, input.idempotencyKey)) ?? result;
  return result;
}

async function findByIdempotencyKey(userId: string, key: string): Promise<WriteResult | null> {
  const [row] = await db().select({ id: registrations.id, ownerId: registrations.ownerId }).from(registrations).where(eq(registrations.idempotencyKey, key));
  if (!row) return null;
  return row.ownerId === userId ? { ok: true, registrationId: row.id } : fail("form", "errors.formReplayed");
}

/** The owner's active registration, locked, with its event while registration is open. */
async function lockOwn(tx: Tx, userId: string, registrationId: string, now: Date) {
  if (!/^[0-9a-f-]{36}$/i.test(registrationId)) return null;
  const [reg] = await tx.select().from(registrations)
    .where(and(eq(registrations.id, registrationId), eq(registrations.ownerId, userId), eq(registrations.status, "active"))).for("update");
  if (!reg) return null;
  const event = await openEvent(tx, reg.eventId, now);
  return event ? { reg, event } : null;
}

const notOpen = fail("form", "errors.registrationNotChangeable");

/** Adds and drops sessions; a dropped confirmed place goes to the next car waiting, in the same transaction. */
export async function changeSessions(userId: string, registrationId: string, sessionIds: string[], now = new Date()): Promise<WriteResult> {
  return db().transaction(async (tx) => {
    const own = await lockOwn(tx, userId, registrationId, now);
    if (!own) return notOpen;
    const refused = await checkSessions(tx, own.event, sessionIds);
    if (refused) return refused;
    const current = await tx.select().from(registrationSessions).where(eq(registrationSessions.registrationId, registrationId));
    const wanted = new Set(sessionIds);
    const dropped = current.filter((p) => !wanted.has(p.sessionId));
    const added = [...wanted].filter((id) => !current.some((p) => p.sessionId === id));
    const locked = await lockSessions(tx, [...dropped.map((p) => p.sessionId), ...added]);
    for (const session of locked) {
      const place = dropped.find((p) => p.sessionId === session.id);
      if (place) {
        await tx.delete(registrationSessions).where(and(eq(registrationSessions.registrationId, registrationId), eq(registrationSessions.sessionId, session.id)));
        if (place.status === "confirmed") await fillFreePlaces(tx, session);
      } else {
        await placeInSession(tx, registrationId, session);
      }
    }
    return { ok: true, registrationId } as const;
  });
}

/** Cancels the owner's registration; every confirmed place it held goes to the next car waiting. */
export async function cancelRegistration(userId: string, registrationId: string, now = new Date()): Promise<WriteResult> {
  return db().transaction(async (tx) => {
    const own = await lockOwn(tx, userId, registrationId, now);
    if (!own) return notOpen;
    const places = await tx.select().from(registrationSessions).where(eq(registrationSessions.registrationId, registrationId));
    const locked = await lockSessions(tx, places.map((p) => p.sessionId));
    await tx.delete(registrationSessions).where(eq(registrationSessions.registrationId, registrationId));
    await tx.update(registrations).set({ status: "cancelled", cancelledAt: now }).where(eq(registrations.id, registrationId));
    for (const session of locked) {
      if (places.some((p) => p.sessionId === session.id && p.status === "confirmed")) await fillFreePlaces(tx, session);
    }
    await enqueueMail(tx, { kind: "registrationCancelled", registrationId });
    await tx.execute(sql`select graphile_worker.remove_job(${`reminder:${registrationId}`})`);
    return { ok: true, registrationId } as const;
  });
}

/** Swaps the car; the places (and the ticket) stay. */
export async function changeCar(userId: string, registrationId: string, carId: string, now = new Date()): Promise<WriteResult> {
  return db().transaction(async (tx) => {
    const own = await lockOwn(tx, userId, registrationId, now);
    if (!own) return notOpen;
    const refused = await eligibleCar(tx, userId, carId, own.event);
    if (refused) return refused;
    const [taken] = await tx.select({ id: registrations.id }).from(registrations)
      .where(and(eq(registrations.eventId, own.event.id), eq(registrations.carId, carId), eq(registrations.status, "active")));
    if (taken && taken.id !== registrationId) return fail("carId", "errors.carAlreadyRegistered");
    await tx.update(registrations).set({ carId }).where(eq(registrations.id, registrationId));
    return { ok: true, registrationId } as const;
  });
}
