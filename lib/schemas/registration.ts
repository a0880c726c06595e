import { z } from "zod";

const uuid = (message: string) => z.string({ error: message }).regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, message);
const optional = (max: number) => z.string().trim().max(max, "errors.tooLong").optional().transform((v) => v || null);

/** The register form. Sessions arrive as repeated `sessionIds` entries; messages are catalogue keys. */
export const registrationSchema = z
  .object({
    eventId: uuid("errors.registrationClosed"),
    carId: z.string({ error: "errors.carRequired" }).pipe(uuid("errors.carRequired")),
    sessionIds: z.array(uuid("errors.sessionNotInEvent")).max(60, "errors.sessionsTooMany"),
    secondDriverName: optional(100),
    secondDriverEmail: optional(254).refine((v) => v === null || z.email().safeParse(v).success, "errors.emailInvalid"),
    acceptRules: z.literal("on", { error: "errors.acceptRules" }),
    idempotencyKey: uuid("errors.formReplayed"),
  })
  .superRefine((r, ctx) => {
    if (r.sessionIds.length === 0) ctx.addIssue({ code: "custom", path: ["sessionIds"], message: "errors.sessionsNone" });
    if (r.secondDriverEmail && !r.secondDriverName) ctx.addIssue({ code: "custom", path: ["secondDriverName"], message: "errors.secondDriverName" });
  });

export const sessionChangeSchema = z.object({ sessionIds: z.array(uuid("errors.sessionNotInEvent")).max(60, "errors.sessionsTooMany") });
export const carChangeSchema = z.object({ carId: z.string({ error: "errors.carRequired" }).pipe(uuid("errors.carRequired")) });

/** FormData → plain input, with repeated fields as arrays. */
export function formInput(entries: Iterable<[string, unknown]>, arrays: string[] = ["sessionIds"]): Record<string, unknown> {
  const out: Record<string, unknown> = Object.fromEntries(arrays.map((a) => [a, []]));
  for (const [key, value] of entries) {
    if (typeof value !== "string") continue;
    if (arrays.includes(key)) (out[key] as string[]).push(value);
    else out[key] = value;
  }
  return out;
}
