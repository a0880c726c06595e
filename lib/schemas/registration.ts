import { z } from "zod";
import { checkSecondDriver, registrationFields, uuid } from "./fields";

/** The register form. Sessions arrive as repeated `sessionIds` entries; messages are catalogue keys. */
export const registrationSchema = z
  .object({
    ...registrationFields,
    sessionIds: z.array(uuid("errors.sessionNotInEvent")).max(60, "errors.sessionsTooMany"),
  })
  .superRefine((r, ctx) => {
    if (r.sessionIds.length === 0)
      ctx.addIssue({ code: "custom", path: ["sessionIds"], message: "errors.sessionsNone" });
    checkSecondDriver(r, ctx);
  });

export const sessionChangeSchema = z.object({
  sessionIds: z.array(uuid("errors.sessionNotInEvent")).max(60, "errors.sessionsTooMany"),
});
export const carChangeSchema = z.object({ carId: registrationFields.carId });

/** FormData → plain input, with repeated fields as arrays and `answers.<question id>` as one record. */
export function formInput(
  entries: Iterable<[string, unknown]>,
  arrays: string[] = ["sessionIds"],
): Record<string, unknown> {
  const out: Record<string, unknown> = Object.fromEntries(arrays.map((a) => [a, []]));
  for (const [key, value] of entries) {
    if (typeof value !== "string") continue;
    if (key.startsWith("answers.")) ((out.answers ??= {}) as Record<string, string>)[key.slice(8)] = value;
    else if (arrays.includes(key)) (out[key] as string[]).push(value);
    else out[key] = value;
  }
  return out;
}
