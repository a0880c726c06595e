import { z } from "zod";
import { isUuid } from "@/lib/uuid";
import { LIMITS, tooLong } from "./limits";

/** An organiser's message to part of an event: everyone confirmed, everyone waiting, or one session. */
export const broadcastSchema = z
  .object({
    audience: z.enum(["confirmed", "waiting", "session"], { error: "broadcast.errors.audience" }),
    sessionId: z
      .string()
      .optional()
      .transform((v) => v || null),
    subject: z
      .string({ error: "broadcast.errors.subject" })
      .trim()
      .min(1, "broadcast.errors.subject")
      .max(LIMITS.subject, tooLong(LIMITS.subject)),
    body: z
      .string({ error: "broadcast.errors.body" })
      .trim()
      .min(1, "broadcast.errors.body")
      .max(LIMITS.message, tooLong(LIMITS.message)),
  })
  .superRefine((b, ctx) => {
    if (b.audience === "session" && !(b.sessionId && isUuid(b.sessionId)))
      ctx.addIssue({ code: "custom", path: ["sessionId"], message: "broadcast.errors.session" });
  })
  // Only a message to one session names a session; any other sessionId is ignored, never stored.
  .transform((b) => ({ ...b, sessionId: b.audience === "session" ? b.sessionId : null }));

export type BroadcastInput = z.output<typeof broadcastSchema>;
