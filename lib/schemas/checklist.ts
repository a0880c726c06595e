import { z } from "zod";

/** One gate checklist item as the organiser types it. */
export const checklistItemSchema = z.object({
  label: z.string({ error: "checklist.errors.label" }).trim().min(1, "checklist.errors.label").max(120, "errors.tooLong"),
  required: z.literal("on").optional().transform((v) => v === "on"),
});
