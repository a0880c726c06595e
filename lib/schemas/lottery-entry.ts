import { z } from "zod";
import { MAX_RANKS } from "@/lib/lottery/types";
import { isUuid } from "@/lib/uuid";
import { checkSecondDriver, registrationFields } from "./fields";
const choice = z
  .string()
  .trim()
  .optional()
  .transform((v) => v || null)
  .refine((v) => v === null || isUuid(v), "errors.sessionNotInEvent");

/** The form's ranked choices: `choice1` (most wanted) … `choice5`, each a session id or empty. */
export const choiceFields = Array.from({ length: MAX_RANKS }, (_, i) => `choice${i + 1}` as const);

/**
 * Ranked session ids from the choice fields: empty ones are skipped, so "1st and 3rd" is read as
 * ranks 1 and 2. A session chosen twice is refused beside its second field.
 */
function ranking(r: Record<string, unknown>, ctx: z.RefinementCtx): string[] {
  const ranked: string[] = [];
  for (const field of choiceFields) {
    const id = r[field];
    if (typeof id !== "string" || !id) continue;
    if (ranked.includes(id)) ctx.addIssue({ code: "custom", path: [field], message: "lottery.errors.choiceTwice" });
    else ranked.push(id);
  }
  if (ranked.length === 0) ctx.addIssue({ code: "custom", path: ["choice1"], message: "lottery.errors.noChoice" });
  return ranked;
}

const choiceShape = Object.fromEntries(choiceFields.map((f) => [f, choice])) as Record<
  (typeof choiceFields)[number],
  typeof choice
>;

/** The ballot entry form; messages are catalogue keys. */
export const lotteryEntrySchema = z
  .object({
    ...registrationFields,
    ...choiceShape,
  })
  .transform((r, ctx) => {
    checkSecondDriver(r, ctx);
    return {
      eventId: r.eventId,
      carId: r.carId,
      ranking: ranking(r, ctx),
      secondDriverName: r.secondDriverName,
      secondDriverEmail: r.secondDriverEmail,
      idempotencyKey: r.idempotencyKey,
      answers: r.answers,
    };
  });

/** Changing an entry's ranking later: only the choices. */
export const entryChangeSchema = z.object(choiceShape).transform((r, ctx) => ({ ranking: ranking(r, ctx) }));

export type LotteryEntryInput = Omit<z.output<typeof lotteryEntrySchema>, "answers"> & {
  answers?: Record<string, string>;
};
