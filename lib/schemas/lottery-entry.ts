import { z } from "zod";
import { MAX_RANKS } from "@/lib/lottery/types";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuid = (message: string) => z.string({ error: message }).regex(UUID, message);
const optional = (max: number) => z.string().trim().max(max, "errors.tooLong").optional().transform((v) => v || null);
const choice = z.string().trim().optional().transform((v) => v || null).refine((v) => v === null || UUID.test(v), "errors.sessionNotInEvent");

/** The form's ranked choices: `choice1` (most wanted) … `choice5`, each a session id or empty. */
export const choiceFields = Array.from({ length: MAX_RANKS }, (_, i) => `choice${i + 1}` as const);

/**
 * Ranked session ids from the choice fields: empty ones are skipped, so "1st and 3rd" is read as
 * ranks 1 and 2. A session chosen twice is refused beside its second field.
 */
function ranking(r: Record<string, string | null>, ctx: z.RefinementCtx): string[] {
  const ranked: string[] = [];
  for (const field of choiceFields) {
    const id = r[field];
    if (!id) continue;
    if (ranked.includes(id)) ctx.addIssue({ code: "custom", path: [field], message: "lottery.errors.choiceTwice" });
    else ranked.push(id);
  }
  if (ranked.length === 0) ctx.addIssue({ code: "custom", path: ["choice1"], message: "lottery.errors.noChoice" });
  return ranked;
}

const choiceShape = Object.fromEntries(choiceFields.map((f) => [f, choice])) as Record<(typeof choiceFields)[number], typeof choice>;

/** The ballot entry form; messages are catalogue keys. */
export const lotteryEntrySchema = z
  .object({
    eventId: uuid("errors.registrationClosed"),
    carId: uuid("errors.carRequired"),
    ...choiceShape,
    secondDriverName: optional(100),
    secondDriverEmail: optional(254).refine((v) => v === null || z.email().safeParse(v).success, "errors.emailInvalid"),
    acceptRules: z.literal("on", { error: "errors.acceptRules" }),
    idempotencyKey: uuid("errors.formReplayed"),
  })
  .transform((r, ctx) => {
    if (r.secondDriverEmail && !r.secondDriverName) ctx.addIssue({ code: "custom", path: ["secondDriverName"], message: "errors.secondDriverName" });
    return { eventId: r.eventId, carId: r.carId, ranking: ranking(r, ctx), secondDriverName: r.secondDriverName, secondDriverEmail: r.secondDriverEmail, idempotencyKey: r.idempotencyKey };
  });

/** Changing an entry's ranking later: only the choices. */
export const entryChangeSchema = z.object(choiceShape).transform((r, ctx) => ({ ranking: ranking(r, ctx) }));

export type LotteryEntryInput = z.output<typeof lotteryEntrySchema>;
