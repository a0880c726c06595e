import { z } from "zod";
import { LIMITS, tooLong } from "./limits";

/** One gate checklist item as the organiser types it. */
export const checklistItemSchema = z.object({
  label: z
    .string({ error: "checklist.errors.label" })
    .trim()
    .min(1, "checklist.errors.label")
    .max(LIMITS.checklistLabel, tooLong(LIMITS.checklistLabel)),
  required: z
    .literal("on")
    .optional()
    .transform((v) => v === "on"),
});
