import "server-only";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { checkAnswers, type Answer, type ExperienceLevel, type Question } from "@/lib/paperwork";
import type { LimitName } from "@/lib/rate-limits";
import { carRefusal, openOrNull, replayOf, runGroupRefusal, sessionsRefusal } from "@/lib/registration-verdicts";
import { batch, ChangedSinceRead, expectUnchanged, readWith, rows, type Batched } from "../batch";
import { registrationMailSql } from "../mail/queue";
import { settleOneSql } from "../payments/charges";
import { countIn, type Limited } from "../rate-limit";
import { rowReader } from "../row-reader";
import { eventQuestions, type Car, type Event, type EventSession } from "../schema";
import { CAR, EVENT, fail, SESSION, sessionsIn, type WriteResult } from "./checks";
import { lockAllChosen, newPlaces } from "./places";
import { registrationRow } from "./row";
import type { RegisterInput } from "./writes";

// registerCar's common case, two round trips and no transaction of its own (db/batch.ts): its reads
// in one batch, then, when it needs nothing but its row, its mail and its places, those written in
// one batch that first checks that the event and the car are as read (their `xmin`, FOR SHARE, in
// the order the transaction takes them: event, car, then the sessions FOR UPDATE). If either
// changed, or a session went, nothing is written and registerCar runs its transaction instead.

const QUESTION = rowReader(eventQuestions, "q");
type Versioned<T> = T & { version: string };
const versioned =
  <T>(read: (row: Record<string, unknown>) => T) =>
  (row: Record<string, unknown>): Versioned<T> => ({ ...read(row), version: String(row.version) });

const notCounted: Batched<Limited> = { query: sql`select`, read: () => ({ ok: true }) };

/** What a registration reads: the rows its verdict needs (lib/registration-verdicts). */
export type RegistrationReads = {
  replayed?: { id: string; ownerId: string | null };
  found?: Event;
  car?: Car;
  sessions: EventSession[];
  questions: Question[];
  experience?: { experience: ExperienceLevel | null };
};

/** The reads in one batch (no lock: the write batch checks the rows it depends on). */
export async function readRegistration(
  userId: string,
  input: RegisterInput,
  limit?: LimitName,
): Promise<RegistrationReads & { found?: Versioned<Event>; car?: Versioned<Car>; limited: Limited }> {
  const unique = [...new Set(input.sessionIds)];
  const [limited, replayed, found, car, sessions, questions, experience] = await batch(
    // The attempt counted against `limit` (the action's rate limit), whatever the reads find.
    limit ? countIn(limit, userId) : notCounted,
    rows<{ id: string; ownerId: string | null }>(
      sql`select id, owner_id as "ownerId" from registrations where idempotency_key = ${input.idempotencyKey}`,
    ),
    readWith(
      sql`select ${EVENT.columns}, e.xmin::text as version from events e where e.id = ${input.eventId}`,
      versioned(EVENT.read),
    ),
    readWith(
      sql`select ${CAR.columns}, c.xmin::text as version from cars c where c.id = ${input.carId} and c.owner_id = ${userId}`,
      versioned(CAR.read),
    ),
    readWith(sessionsIn(input.eventId, unique), SESSION.read),
    readWith(
      sql`select ${QUESTION.columns} from event_questions q where q.event_id = ${input.eventId} order by q.position`,
      QUESTION.read,
    ),
    rows<{ experience: ExperienceLevel | null }>(sql`select experience from users where id = ${userId}`),
  );
  return {
    limited,
    replayed: replayed[0],
    found: found[0],
    car: car[0],
    sessions,
    questions,
    experience: experience[0],
  };
}

/** The reads' verdict: a refusal or replay to answer, or the open event and the answers to write. */
export function registrationVerdict(
  reads: RegistrationReads,
  userId: string,
  input: RegisterInput,
  now: Date,
): WriteResult | { event: Event; answers: Answer[] } {
  const unique = [...new Set(input.sessionIds)];
  const replay = replayOf(reads.replayed, userId);
  if (replay) return replay;
  const event = openOrNull(reads.found, now, ["fcfs"]);
  if (!event) return fail("form", "errors.registrationClosed");
  const refused =
    carRefusal(reads.car, event) ??
    sessionsRefusal(reads.sessions, unique, event) ??
    runGroupRefusal(reads.sessions, reads.experience?.experience);
  if (refused) return refused;
  const answered = checkAnswers(reads.questions, input.answers ?? {});
  if (!answered.ok) return fail(answered.field, answered.error);
  return { event, answers: answered.answers };
}

/**
 * The row, its mail, its places and charges in one batch, after checking that the event and the car
 * are as `reads` found them and every chosen session is still there. Null when one changed: nothing
 * was written, and the caller runs its transaction, which reads them again under its locks.
 */
export async function writeRegistration(
  reads: { found: Versioned<Event>; car: Versioned<Car> },
  userId: string,
  input: RegisterInput,
): Promise<WriteResult | null> {
  const unique = [...new Set(input.sessionIds)];
  const { found: event, car } = reads;
  const id = randomUUID();
  try {
    // Pipelined on the pool like any query, though it may wait on the sessions' lock: a reserved
    // connection of its own cost the open loop its tail (docs/PERFORMANCE.md).
    const [, , created] = await batch(
      expectUnchanged(sql`select e.xmin from events e where e.id = ${event.id} for share`, event.version, "event"),
      expectUnchanged(
        sql`select c.xmin from cars c where c.id = ${car.id} and c.owner_id = ${userId} for share`,
        car.version,
        "car",
      ),
      rows<{ id: string }>(registrationRow(event.id, userId, input, id)),
      rows(registrationMailSql({ kind: "registrationReceived", registrationId: id })),
      lockAllChosen(unique),
      rows(newPlaces(id, unique)),
      rows(settleOneSql([id])),
    );
    if (created.length === 0) return fail("carId", "errors.carAlreadyRegistered");
    return { ok: true, registrationId: id, eventSlug: event.slug };
  } catch (error) {
    if (error instanceof ChangedSinceRead) return null;
    throw error;
  }
}
