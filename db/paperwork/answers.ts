import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Answer, Question } from "@/lib/paperwork";
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
