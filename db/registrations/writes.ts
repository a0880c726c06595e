import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "../client";
import { enqueueMail } from "../mail/queue";
import { insertAnswers, questionsOf } from "../paperwork/answers";
import { driverDetailsFromProfile } from "../paperwork/details";
import { inviteSecondDrivers } from "../paperwork/second-driver";
import { checkAnswers } from "@/lib/paperwork";
import { newReference } from "@/lib/payments/reference";
import { settleCancellation, settleCharges } from "../payments/charges";
import type { Tx } from "../query";
import { registrations, registrationSessions, users, type Event } from "../schema";
import { carRefusal, openOrNull, replayOf, runGroupRefusal, sessionsRefusal } from "@/lib/registration-verdicts";
import {
  byIdempotencyKey,
  checkSessions,
  eligibleCar,
  eventById,
  fail,
  findByIdempotencyKey,
  ownCar,
  sessionsOf,
  type WriteResult,
} from "./checks";
import { lockOwn, lockOwnToCancel } from "./locks";
import { vacate } from "./vacate";
import { fillFreePlaces, lockChosenSessions, placeInSession, SessionGoneError } from "./places";

export type RegisterInput = {
  eventId: string;
  carId: string;
  sessionIds: string[];
  secondDriverName: string | null;
  secondDriverEmail: string | null;
  idempotencyKey: string;
  /** Answers to the event's questions, by question id (checked against them in the transaction). */
  answers?: Record<string, string>;
};

/**
 * First come, first served registration of one car. Everything happens in one transaction: the
 * sessions are locked, each gets a confirmed place while it has room or a waiting place, and the
 * "registration received" mail is queued. A replayed form (same idempotency key) returns the
 * registration it already made.
 */
export async function registerCar(userId: string, input: RegisterInput, now = new Date()): Promise<WriteResult> {
  const result = await sessionsStillThere(() =>
    db().transaction(async (tx) => {
      // The four reads go out together (postgres.js pipelines them on the transaction's connection):
      // one round trip instead of four, when hundreds of owners press "Register" at once.
      const unique = [...new Set(input.sessionIds)];
      const [[replayed], [found], [car], sessions, questions, [owner]] = await Promise.all([
        byIdempotencyKey(tx, input.idempotencyKey),
        eventById(tx, input.eventId),
        ownCar(tx, userId, input.carId),
        sessionsOf(tx, input.eventId, unique),
        questionsOf(tx, input.eventId),
        tx.select({ experience: users.experience }).from(users).where(eq(users.id, userId)),
      ]);
      const replay = replayOf(replayed, userId);
      if (replay) return replay;
      const event = openOrNull(found, now, ["fcfs"]);
      if (!event) return fail("form", "errors.registrationClosed");
      const refused =
        carRefusal(car, event) ??
        sessionsRefusal(sessions, unique, event) ??
        runGroupRefusal(sessions, owner?.experience);
      if (refused) return refused;
      const answered = checkAnswers(questions, input.answers ?? {});
      if (!answered.ok) return fail(answered.field, answered.error);
      const created = await insertRegistration(tx, event, userId, input);
      if (!created) return fail("carId", "errors.carAlreadyRegistered");
      await insertAnswers(tx, created.id, answered.answers);
      if (input.secondDriverEmail) await inviteSecondDrivers(tx, event.id, created.id);
      // The mail is queued before the sessions are locked (it is composed when sent, after the
      // commit): every round trip made while holding a session's lock delays every other owner
      // waiting for it. Its reminder needs nothing here (db/mail/reminders.ts).
      await enqueueMail(tx, { kind: "registrationReceived", registrationId: created.id });
      for (const session of await lockChosenSessions(tx, input.sessionIds))
        await placeInSession(tx, created.id, session);
      await settleCharges(tx, created.id);
      return { ok: true, registrationId: created.id, eventSlug: event.slug } as const;
    }),
  );
  // A conflict may have been the same form racing itself rather than the car being taken.
  if (!result.ok && result.error === "errors.carAlreadyRegistered")
    return (await findByIdempotencyKey(userId, input.idempotencyKey)) ?? result;
  return result;
}

type NewRegistration = Pick<RegisterInput, "carId" | "idempotencyKey" | "secondDriverName" | "secondDriverEmail">;

/** The registration row; null when the car already holds one in the event (or the form raced itself). */
export async function insertRegistration(tx: Tx, event: Event, userId: string, input: NewRegistration) {
  const [created] = await tx
    .insert(registrations)
    .values({
      eventId: event.id,
      carId: input.carId,
      ownerId: userId,
      idempotencyKey: input.idempotencyKey,
      paymentReference: newReference(),
      secondDriverName: input.secondDriverName,
      secondDriverEmail: input.secondDriverEmail,
      driverDetails: driverDetailsFromProfile(userId),
    })
    .onConflictDoNothing()
    .returning({ id: registrations.id });
  return created ?? null;
}

export const notOpen = fail("form", "errors.registrationNotChangeable");

/**
 * Adds and drops sessions. A dropped confirmed place goes to the next car waiting, and the
 * sessions where this car still waits are refilled too (dropping a session may have removed the
 * clash that kept it from a free place), all in the same transaction.
 */
export async function changeSessions(
  userId: string,
  registrationId: string,
  sessionIds: string[],
  now = new Date(),
): Promise<WriteResult> {
  return sessionsStillThere(() =>
    db().transaction(async (tx) => {
      const own = await lockOwn(tx, userId, registrationId, now);
      if (!own) return notOpen;
      const held = await tx
        .select({ sessionId: registrationSessions.sessionId })
        .from(registrationSessions)
        .where(eq(registrationSessions.registrationId, registrationId));
      // Run groups bind sessions newly chosen; a place held already stays if a group changed since.
      const adding = sessionIds.filter((id) => !held.some((h) => h.sessionId === id));
      const refused = await checkSessions(tx, own.event, sessionIds, { userId, only: adding });
      if (refused) return refused;
      // Which sessions it holds cannot change under the registration's lock; their status can
      // (another transaction may promote it), so the status is read only after the sessions' locks.
      const current = await tx
        .select()
        .from(registrationSessions)
        .where(eq(registrationSessions.registrationId, registrationId));
      const wanted = new Set(sessionIds);
      const dropped = new Set(current.filter((p) => !wanted.has(p.sessionId)).map((p) => p.sessionId));
      const added = [...wanted].filter((id) => !current.some((p) => p.sessionId === id));
      if (dropped.size === 0 && added.length === 0) return { ok: true, registrationId } as const;
      const kept = current.filter((p) => wanted.has(p.sessionId)).map((p) => p.sessionId);
      const locked = await lockChosenSessions(tx, [...dropped, ...added, ...kept], [...added, ...kept]);
      for (const session of locked.filter((s) => dropped.has(s.id))) {
        const [gone] = await tx
          .delete(registrationSessions)
          .where(
            and(
              eq(registrationSessions.registrationId, registrationId),
              eq(registrationSessions.sessionId, session.id),
            ),
          )
          .returning({ status: registrationSessions.status });
        if (gone?.status === "confirmed") await fillFreePlaces(tx, session);
      }
      for (const session of locked.filter((s) => added.includes(s.id)))
        await placeInSession(tx, registrationId, session);
      if (dropped.size > 0)
        for (const session of locked.filter((s) => kept.includes(s.id))) await fillFreePlaces(tx, session);
      await settleCharges(tx, registrationId);
      // Composed when sent, after this commits: it names the places as they are then.
      await enqueueMail(tx, { kind: "registrationChanged", registrationId });
      return { ok: true, registrationId, eventSlug: own.event.slug } as const;
    }),
  );
}

/** A session deleted under a write (lockChosenSessions) rolled it back: the person is told beside the sessions. */
async function sessionsStillThere(write: () => Promise<WriteResult>): Promise<WriteResult> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof SessionGoneError) return fail("sessionIds", "errors.sessionNotInEvent");
    throw error;
  }
}

/** Cancels the owner's registration (or withdraws a lottery entry); every confirmed place it held goes to the next car waiting. */
export async function cancelRegistration(
  userId: string,
  registrationId: string,
  now = new Date(),
): Promise<WriteResult> {
  return db().transaction(async (tx) => {
    const own = await lockOwnToCancel(tx, userId, registrationId, now);
    if (!own) return notOpen;
    await vacate(
      tx,
      registrationId,
      own.places.map((p) => p.sessionId),
      now,
      () => settleCancellation(tx, registrationId, now),
    );
    await enqueueMail(tx, { kind: "registrationCancelled", registrationId });
    return { ok: true, registrationId, eventSlug: own.event.slug } as const;
  });
}

/** Swaps the car; the places (and the ticket) stay. */
export async function changeCar(
  userId: string,
  registrationId: string,
  carId: string,
  now = new Date(),
): Promise<WriteResult> {
  try {
    return await db().transaction(async (tx) => {
      const own = await lockOwn(tx, userId, registrationId, now, ["fcfs", "lottery"]);
      if (!own) return notOpen;
      const refused = await eligibleCar(tx, userId, carId, own.event);
      if (refused) return refused;
      const [taken] = await tx
        .select({ id: registrations.id })
        .from(registrations)
        .where(
          and(
            eq(registrations.eventId, own.event.id),
            eq(registrations.carId, carId),
            eq(registrations.status, "active"),
          ),
        );
      if (taken && taken.id !== registrationId) return fail("carId", "errors.carAlreadyRegistered");
      if (own.reg.carId === carId) return { ok: true, registrationId } as const;
      await tx.update(registrations).set({ carId }).where(eq(registrations.id, registrationId));
      await enqueueMail(tx, { kind: "registrationChanged", registrationId });
      return { ok: true, registrationId, eventSlug: own.event.slug } as const;
    });
  } catch (error) {
    // Two registrations swapped to the same car at once: the unique index lets only one through.
    if (violates(error, "registrations_event_car_uq")) return fail("carId", "errors.carAlreadyRegistered");
    throw error;
  }
}

function violates(error: unknown, constraint: string): boolean {
  const cause =
    (error as { cause?: { code?: string; constraint_name?: string } })?.cause ??
    (error as { code?: string; constraint_name?: string });
  return cause?.code === "23505" && cause.constraint_name === constraint;
}
