import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { db } from "../client";
import { enqueueMail, registrationMail } from "../mail/queue";
import { insertAnswers, questionsOf } from "../paperwork/answers";
import { inviteSecondDrivers } from "../paperwork/second-driver";
import { rateLimitedKey, type LimitName } from "@/lib/rate-limits";
import { settleCancellation, settleCharges } from "../payments/charges";
import { lazyRows, pipelined, type Tx } from "../query";
import { registrationSessions, users, type Event } from "../schema";
import {
  byIdempotencyKey,
  checkSessions,
  eventById,
  fail,
  findByIdempotencyKey,
  ownCar,
  sessionsOf,
  type WriteResult,
} from "./checks";
import { lockOwn, lockOwnToCancel } from "./locks";
import { vacate } from "./vacate";
import { readRegistration, registrationVerdict, writeRegistration } from "./batched";
import { registrationRow, type NewRegistration } from "./row";
import {
  allLocked,
  fillFreePlaces,
  lockChosenSessions,
  placeInSession,
  placeNewRegistration,
  sessionsStillThere,
} from "./places";

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
 * First come, first served registration of one car: the row, a confirmed place in each chosen
 * session while it has room or a waiting place, and the "registration received" mail, all or
 * nothing. A replayed form (same idempotency key) returns the registration it already made. An
 * attempt over `limit` is refused before anything is written, and counted all the same. The
 * common case takes two round trips (db/registrations/batched.ts); answers, a second driver or a
 * row changed under it take the transaction (registerInTransaction).
 */
export async function registerCar(
  userId: string,
  input: RegisterInput,
  { now = new Date(), limit }: { now?: Date; limit?: LimitName } = {},
): Promise<WriteResult> {
  const reads = await readRegistration(userId, input, limit);
  if (!reads.limited.ok) return fail("form", rateLimitedKey(reads.limited.retryAfter));
  const verdict = registrationVerdict(reads, userId, input, now);
  if ("ok" in verdict) return verdict;
  const { found, car } = reads;
  const simple = verdict.answers.length === 0 && !input.secondDriverEmail && found && car;
  // Null from the batch: a row changed since the reads, and nothing was written.
  const batched = simple ? await writeRegistration({ found, car }, userId, input) : null;
  const result = batched ?? (await registerInTransaction(userId, input, now));
  // A conflict may have been the same form racing itself rather than the car being taken.
  if (!result.ok && result.error === "errors.carAlreadyRegistered")
    return (await findByIdempotencyKey(userId, input.idempotencyKey)) ?? result;
  return result;
}

/** registerCar in one transaction, the event and the car read FOR SHARE, the sessions then locked. */
async function registerInTransaction(userId: string, input: RegisterInput, now: Date): Promise<WriteResult> {
  return sessionsStillThere(() =>
    db().transaction(async (tx) => {
      // The reads go out together (postgres.js pipelines them on the transaction's connection).
      const unique = [...new Set(input.sessionIds)];
      const [[replayed], [found], [car], sessions, questions, [experience]] = await Promise.all([
        byIdempotencyKey(tx, input.idempotencyKey),
        eventById(tx, input.eventId),
        ownCar(tx, userId, input.carId),
        sessionsOf(tx, input.eventId, unique),
        questionsOf(tx, input.eventId),
        tx.select({ experience: users.experience }).from(users).where(eq(users.id, userId)),
      ]);
      const verdict = registrationVerdict(
        { replayed, found, car, sessions, questions, experience },
        userId,
        input,
        now,
      );
      if ("ok" in verdict) return verdict;
      const { event, answers } = verdict;
      // The row and its mail (composed when sent, after the commit; its reminder needs nothing
      // here, db/mail/reminders.ts) go out in one round trip, with the sessions' lock and the places
      // when nothing else is written first: statements ahead of the lock do not hold it.
      const id = randomUUID();
      const written = [
        insertRegistration(tx, event, userId, input, id),
        registrationMail(tx, { kind: "registrationReceived", registrationId: id }),
      ] as const;
      if (answers.length === 0 && !input.secondDriverEmail) {
        const [created, , locked] = await pipelined(...written, ...placeNewRegistration(tx, id, unique));
        if (created.length === 0) return fail("carId", "errors.carAlreadyRegistered");
        allLocked(unique, locked);
      } else {
        const [created] = await pipelined(...written);
        if (created.length === 0) return fail("carId", "errors.carAlreadyRegistered");
        await insertAnswers(tx, id, answers);
        if (input.secondDriverEmail) await inviteSecondDrivers(tx, event.id, id);
        const [locked] = await pipelined(...placeNewRegistration(tx, id, unique));
        allLocked(unique, locked);
      }
      return { ok: true, registrationId: id, eventSlug: event.slug } as const;
    }),
  );
}

/**
 * The registration row, as a lazy statement: no row back when the car already holds one in the
 * event (or the form raced itself).
 */
export function insertRegistration(tx: Tx, event: Event, userId: string, input: NewRegistration, id = randomUUID()) {
  return lazyRows<{ id: string }>(tx, registrationRow(event.id, userId, input, id));
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
