import { z } from "zod";
import { LIMITS } from "./limits";

/** An organiser's reason for letting a car in without its paperwork; empty is none. */
const overrideReason = z
  .string()
  .trim()
  .max(LIMITS.reason)
  .nullish()
  .transform((v) => (v && v.length >= 3 ? v : null));

/** One check-in as a gate phone sends it (from its queue, perhaps long after the scan). */
export const sentCheckInSchema = z.object({
  clientId: z.uuid(),
  registrationId: z.uuid(),
  scannedAt: z.iso.datetime({ offset: true }).transform((s) => new Date(s)),
  ticks: z.array(z.uuid()).max(50).default([]),
  override: overrideReason,
});

/** The queue a phone sends when it is online again; bounded so one request stays short. */
export const syncSchema = z.object({ checkIns: z.array(sentCheckInSchema).min(1).max(200) });

/** The "Check in" form of the page without JavaScript. */
export const checkInFormSchema = z.object({
  registrationId: z.uuid(),
  q: z.string().max(100).default(""),
  ticks: z.array(z.uuid()).max(50).default([]),
  override: overrideReason,
});
