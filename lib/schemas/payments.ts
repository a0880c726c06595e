import { z } from "zod";
import { LIMITS, tooLong } from "./limits";

/** The largest statement file read (next.config.js lets a server action's body be this big). */
export const MAX_STATEMENT_BYTES = 4 * 1024 * 1024;

/** "Import statement": one file, not empty, not over the limit. */
export const statementSchema = z.object({
  statement: z
    .instanceof(File, { message: "payments.errors.chooseFile" })
    .refine((f) => f.size > 0, "payments.errors.chooseFile")
    .refine((f) => f.size <= MAX_STATEMENT_BYTES, "payments.errors.fileTooLarge"),
});

const reason = z
  .string({ error: "payments.errors.reasonRequired" })
  .trim()
  .min(3, "payments.errors.reasonRequired")
  .max(LIMITS.reason, tooLong(LIMITS.reason));

/** "Mark as paid" and "Grant refund": the organiser says why, for the audit log. */
export const reasonSchema = z.object({ reason });

/** "Confirm import": for each ambiguous line the organiser may pick one of its candidates (`assign.<line>`). */
export function assignmentsOf(form: FormData): Record<number, string> {
  const out: Record<number, string> = {};
  for (const [name, value] of form.entries()) {
    const m = /^assign\.(\d{1,4})$/.exec(name);
    if (m && typeof value === "string" && value) out[Number(m[1])] = value;
  }
  return out;
}
