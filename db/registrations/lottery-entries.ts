import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { maxChoices } from "@/lib/lottery/types";
import type { LotteryEntryInput } from "@/lib/schemas/lottery-entry";
import { db } from "../client";
import { enqueueMail } from "../mail/queue";
import type { Tx } from "../query";
import { draws, entryChoices, eventSessions, registrations, type Event } from "../schema";
import { checkSessions, eligibleCar, fail, findByIdempotencyKey, openEvent, type WriteResult } from "./checks";
import { checkAnswers } from "@/lib/paperwork";
import { insertAnswers, questionsOf } from "../paperwork/answers";
import { inviteSecondDrivers } from "../paperwork/second-driver";
import { lockOwn } from "./locks";
import { insertRegistration, notOpen } from "./writes";

async function checkRanking(tx: Tx, event: Event, ranking: string[], userId: string) {
  if (ranking.length > maxChoices(event.maxSessionsPerCar)) return fail("choice1", "errors.sessionsTooMany");
  const problem = await checkSessions(tx, event, ranking, { userId });
  return problem ? fail("choice1", problem.error) : null;
}

async function writeChoices(tx: Tx, registrationId: string, ranking: string[]) {
  await tx.delete(entryChoices).where(eq(entryChoices.registrationId, registrationId));
  await tx.insert(entryChoices).values(ranking.map((sessionId, i) => ({ registrationId, sessionId, rank: i + 1 })));
}

/**
 * Whether the draw has run: its seed is public from then on, so no entry may be added or re-ranked
 * (someone could otherwise enter again and again until an entry id drew well), even if the
 * organiser moves the closing date back into the future.
 */
async function drawHasRun(tx: Tx, eventId: string): Promise<boolean> {
  const [run] = await tx.select({ id: draws.id }).from(draws).where(eq(draws.eventId, eventId)).limit(1);
  return run !== undefined;
}

/**
 * Lottery entries are registrations without places yet; their ranked choices wait for the draw.
 * Enters a car in an open ballot: one entry per car, a replayed form returns the entry it made.
 */
export async function enterLottery(userId: string, input: LotteryEntryInput, now = new Date()): Promise<WriteResult> {
  const replay = await findByIdempotencyKey(userId, input.idempotencyKey);
  if (replay) return replay;
  const result = await db().transaction(async (tx) => {
    const event = await openEvent(tx, input.eventId, now, ["lottery"]);
    if (!event || (await drawHasRun(tx, event.id))) return fail("form", "errors.registrationClosed");
    const refused =
      (await eligibleCar(tx, userId, input.carId, event)) ?? (await checkRanking(tx, event, input.ranking, userId));
    if (refused) return refused;
    const answered = checkAnswers(await questionsOf(tx, event.id), input.answers ?? {});
    if (!answered.ok) return fail(answered.field, answered.error);
    const [created] = await insertRegistration(tx, event, userId, input);
    if (!created) return fail("carId", "errors.carAlreadyRegistered");
    await writeChoices(tx, created.id, input.ranking);
    await insertAnswers(tx, created.id, answered.answers);
    if (input.secondDriverEmail) await inviteSecondDrivers(tx, event.id, created.id);
    await enqueueMail(tx, { kind: "entryReceived", registrationId: created.id });
    return { ok: true, registrationId: created.id, eventSlug: event.slug } as const;
  });
  if (!result.ok && result.error === "errors.carAlreadyRegistered")
    return (await findByIdempotencyKey(userId, input.idempotencyKey)) ?? result;
  return result;
}

/** Re-ranks the owner's entry while the ballot is open. */
export async function changeEntry(
  userId: string,
  registrationId: string,
  ranking: string[],
  now = new Date(),
): Promise<WriteResult> {
  return db().transaction(async (tx) => {
    const own = await lockOwn(tx, userId, registrationId, now, ["lottery"]);
    if (!own || (await drawHasRun(tx, own.event.id))) return notOpen;
    const refused = await checkRanking(tx, own.event, ranking, userId);
    if (refused) return refused;
    await writeChoices(tx, registrationId, ranking);
    return { ok: true, registrationId, eventSlug: own.event.slug } as const;
  });
}

/** The ranked choices of an entry, most wanted first, with the sessions' names and times. */
export async function choicesOf(registrationId: string) {
  return db()
    .select({
      sessionId: entryChoices.sessionId,
      rank: entryChoices.rank,
      name: eventSessions.name,
      startsAt: eventSessions.startsAt,
      endsAt: eventSessions.endsAt,
    })
    .from(entryChoices)
    .innerJoin(eventSessions, eq(eventSessions.id, entryChoices.sessionId))
    .where(eq(entryChoices.registrationId, registrationId))
    .orderBy(asc(entryChoices.rank));
}

/** Every active entry of an event with its ranking: the draw's input. */
export async function entriesOf(tx: Tx, eventId: string): Promise<{ id: string; ranking: string[] }[]> {
  const rows = await tx
    .select({ id: registrations.id, sessionId: entryChoices.sessionId })
    .from(registrations)
    .innerJoin(entryChoices, eq(entryChoices.registrationId, registrations.id))
    .where(and(eq(registrations.eventId, eventId), eq(registrations.status, "active")))
    .orderBy(asc(registrations.id), asc(entryChoices.rank));
  const byId = new Map<string, string[]>();
  for (const r of rows) byId.set(r.id, [...(byId.get(r.id) ?? []), r.sessionId]);
  return [...byId].map(([id, ranking]) => ({ id, ranking }));
}
