import { z } from "zod";
import { UUID_PATTERN } from "@/lib/uuid";
import { LIMITS, tooLong, tooShort } from "./limits";

/** "yyyy-MM-dd" naming a day that exists (no 31 February, no month 13), between 1900 and 2999. */
export function isCalendarDay(text: string): boolean {
  const [y, m, d] = text.slice(0, 10).split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= 1900 && y <= 2999 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** "yyyy-MM-ddTHH:mm", as a datetime-local input sends it, naming a day that exists. */
export const localMoment = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/, "errors.momentRequired")
  .refine(isCalendarDay, "errors.momentRequired");

/** An id from a form; anything else gets `message` (a catalogue key) beside the field. */
export const uuid = (message: string) => z.string({ error: message }).regex(UUID_PATTERN, message);

// A scheme, "www." or a host name with a dotted ending ("club-offers.com/x"): mail clients make these links.
const WEB_ADDRESS = /[a-z][a-z0-9+.-]*:\/\/|www\.|[a-z0-9-]+\.[a-z]{2,}(?![a-z])/i;

/** Whether a name someone typed holds a web address (it must not: names are mailed to others). */
export const holdsWebAddress = (text: string): boolean => WEB_ADDRESS.test(text);

/** A name shown to other people and put into mails (a club, an event): no web address in it. */
export const publicName = (min: number, max: number, requiredKey: string) =>
  z
    .string({ error: requiredKey })
    .trim()
    .min(1, { error: requiredKey, abort: true })
    .min(min, tooShort(min))
    .max(max, tooLong(max))
    .refine((v) => !holdsWebAddress(v), "errors.noWebAddress");

/** Optional free text: trimmed, at most `max` characters, empty read as null. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, tooLong(max))
    .optional()
    .transform((v) => v || null);

/**
 * What every way of registering a car asks besides the sessions (the register form and the ballot
 * entry): the event, the car, an optional second driver, the rules, and the form's replay key.
 */
export const registrationFields = {
  eventId: uuid("errors.registrationClosed"),
  carId: uuid("errors.carRequired"),
  secondDriverName: optionalText(LIMITS.secondDriverName),
  secondDriverEmail: optionalText(LIMITS.email).refine(
    (v) => v === null || z.email().safeParse(v).success,
    "errors.emailInvalid",
  ),
  acceptRules: z.literal("on", { error: "errors.acceptRules" }),
  idempotencyKey: uuid("errors.formReplayed"),
  // The event's own questions, by question id; db/ checks them against the event (lib/paperwork.ts).
  answers: z
    .record(z.string().max(64), z.string().trim().max(LIMITS.answer, tooLong(LIMITS.answer)))
    .refine((a) => Object.keys(a).length <= 40, "errors.answerRequired")
    .default({}),
};

/** A second driver's e-mail needs a name to go with it. */
export function checkSecondDriver(
  r: { secondDriverName: string | null; secondDriverEmail: string | null },
  ctx: z.RefinementCtx,
) {
  if (r.secondDriverEmail && !r.secondDriverName)
    ctx.addIssue({ code: "custom", path: ["secondDriverName"], message: "errors.secondDriverName" });
}

/** An optional day ("yyyy-MM-dd", as a date input sends it); empty read as null. */
export const optionalDay = z
  .string()
  .optional()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || (/^\d{4}-\d{2}-\d{2}$/.test(v) && isCalendarDay(v)), "errors.dateRequired");
