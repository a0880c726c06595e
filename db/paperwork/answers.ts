import "server-only";
import { asc, eq } from "drizzle-orm";
import { checkAnswers, type Answer, type Question } from "@/lib/paperwork";
import { db } from "../client";
import { myActiveRegistration } from "../registrations/reads";
import { lockOwn } from "../registrations/locks";
import { refuse, type Result } from "../result";
import type { Db, Tx } from "../query";
import { eventQuestions, registrationAnswers } from "../schema";

/** The event's own questions, in the order the form asks them. */
export function questionsOf(q: Db | Tx, eventId: string): Promise<Question[]> {
  return q
    .select({
      id: eventQuestions.id,
      text: eventQuestions.text,
      kind: eventQuestions.kind,
      choices: eventQuestions.choices,
      required: eventQuestions.required,
    })
    .from(eventQuestions)
    .where(eq(eventQuestions.eventId, eventId))
    .orderBy(asc(eventQuestions.position));
}

/** A new registration's answers (already checked by lib/paperwork.ts checkAnswers); none, no statement. */
export async function insertAnswers(tx: Tx, registrationId: string, answers: Answer[]): Promise<void> {
  if (answers.length === 0) return;
  await tx
    .insert(registrationAnswers)
    .values(answers.map((a) => ({ registrationId, questionId: a.questionId, value: a.value })));
}

/** Replaces a registration's answers with these (the owner changed them before registration closed). */
export async function replaceAnswers(tx: Tx, registrationId: string, answers: Answer[]): Promise<void> {
  await tx.delete(registrationAnswers).where(eq(registrationAnswers.registrationId, registrationId));
  await insertAnswers(tx, registrationId, answers);
}

/**
 * The owner changes the answers while registration is open (a ballot entry too). The questions
 * are read in the same transaction that writes, so an answer to a question just removed is dropped.
 */
export async function changeAnswers(
  userId: string,
  registrationId: string,
  given: Record<string, string>,
  now = new Date(),
): Promise<Result<{ registrationId: string }> | null> {
  return db().transaction(async (tx) => {
    const own = await lockOwn(tx, userId, registrationId, now, ["fcfs", "lottery"]);
    if (!own) return null;
    const checked = checkAnswers(await questionsOf(tx, own.event.id), given);
    if (!checked.ok) return refuse(checked.error, checked.field);
    await replaceAnswers(tx, registrationId, checked.answers);
    return { ok: true, registrationId };
  });
}

/** The owner's registration with its event's questions and the answers given, for the answers page. */
export async function getMyAnswers(userId: string, registrationId: string) {
  const row = await myActiveRegistration(userId, registrationId);
  if (!row) return null;
  const [questions, answers] = await Promise.all([
    questionsOf(db(), row.event.id),
    db().select().from(registrationAnswers).where(eq(registrationAnswers.registrationId, registrationId)),
  ]);
  return { ...row, questions, values: Object.fromEntries(answers.map((a) => [`answers.${a.questionId}`, a.value])) };
}
