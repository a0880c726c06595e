import { z } from "zod";
import { LIMITS, tooLong } from "./limits";
import { MAX_OVERBOOK } from "../roster/changes";
import { isUuid } from "@/lib/uuid";
import { uuid } from "./fields";
export const MAX_REASON = LIMITS.reason;
/** The most registrations one bulk change takes (two roster pages at the largest page size). */
export const MAX_SELECTION = 400;

const reason = z
  .string({ error: "roster.errors.reasonRequired" })
  .trim()
  .min(3, "roster.errors.reasonRequired")
  .max(MAX_REASON, tooLong(MAX_REASON));
const optionalReason = z
  .string()
  .trim()
  .max(MAX_REASON, tooLong(MAX_REASON))
  .optional()
  .transform((v) => v || null);
// Empty means "no overbooking"; anything else must be a whole number 0–MAX_OVERBOOK.
const overbook = z.preprocess(
  (v) => (v === undefined || v === null || (typeof v === "string" && v.trim() === "") ? 0 : Number(v)),
  z.number().int("roster.errors.overbook").min(0, "roster.errors.overbook").max(MAX_OVERBOOK, "roster.errors.overbook"),
);

const sessions = {
  fromSessionId: uuid("roster.errors.chooseSession"),
  toSessionId: uuid("roster.errors.chooseSession"),
};
const differentSessions = (v: { fromSessionId?: string; toSessionId?: string }, ctx: z.RefinementCtx) => {
  if (v.fromSessionId && v.fromSessionId === v.toSessionId)
    ctx.addIssue({ code: "custom", path: ["toSessionId"], message: "roster.errors.sameSession" });
};

/** Move one car from one session to another; `overbook` cars beyond capacity may be confirmed. */
export const moveSchema = z.object({ ...sessions, overbook, reason: optionalReason }).superRefine(differentSessions);
/** Confirm a waiting car out of turn: the reason is required. */
export const promoteSchema = z.object({ sessionId: uuid("roster.errors.chooseSession"), overbook, reason });
/** Remove (cancel) a registration: the reason is required and e-mailed to the owner. */
export const removeSchema = z.object({ reason });

/** The roster's bulk form: a selection of registrations, moved or removed together. */
export const bulkSchema = z
  .object({
    ids: z
      .array(uuid("roster.errors.nothingSelected"))
      .min(1, "roster.errors.nothingSelected")
      .max(MAX_SELECTION, "roster.errors.tooMany"),
    intent: z.enum(["move", "remove"], { error: "roster.errors.chooseAction" }),
    fromSessionId: z.string().optional(),
    toSessionId: z.string().optional(),
    overbook,
    reason: optionalReason,
  })
  .superRefine((v, ctx) => {
    if (v.intent === "remove" && (!v.reason || v.reason.length < 3))
      ctx.addIssue({ code: "custom", path: ["reason"], message: "roster.errors.reasonRequired" });
    if (v.intent !== "move") return;
    for (const key of ["fromSessionId", "toSessionId"] as const) {
      if (!isUuid(v[key] ?? "")) ctx.addIssue({ code: "custom", path: [key], message: "roster.errors.chooseSession" });
    }
    differentSessions(v, ctx);
  });

export type MoveInput = z.output<typeof moveSchema>;
export type PromoteInput = z.output<typeof promoteSchema>;
export type BulkInput = z.output<typeof bulkSchema>;
