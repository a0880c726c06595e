import { z } from "zod";
import { UUID_PATTERN } from "@/lib/uuid";

/** An id from a form; anything else gets `message` (a catalogue key) beside the field. */
export const uuid = (message: string) => z.string({ error: message }).regex(UUID_PATTERN, message);

/** Optional free text: trimmed, at most `max` characters, empty read as null. */
export const optionalText = (max: number) => z.string().trim().max(max, "errors.tooLong").optional().transform((v) => v || null);

/**
 * What every way of registering a car asks besides the sessions (the register form and the ballot
 * entry): the event, the car, an optional second driver, the rules, and the form's replay key.
 */
export const registrationFields = {
  eventId: uuid("errors.registrationClosed"),
  carId: uuid("errors.carRequired"),
  secondDriverName: optionalText(100),
  secondDriverEmail: optionalText(254).refine((v) => v === null || z.email().safeParse(v).success, "errors.emailInvalid"),
  acceptRules: z.literal("on", { error: "errors.acceptRules" }),
  idempotencyKey: uuid("errors.formReplayed"),
};

/** A second driver's e-mail needs a name to go with it. */
export function checkSecondDriver(r: { secondDriverName: string | null; secondDriverEmail: string | null }, ctx: z.RefinementCtx) {
  if (r.secondDriverEmail && !r.secondDriverName) ctx.addIssue({ code: "custom", path: ["secondDriverName"], message: "errors.secondDriverName" });
}
