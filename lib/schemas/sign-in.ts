import { z } from "zod";

/** Only a path on this site may be a destination after signing in (no open redirects). */
export function safeCallbackPath(value: unknown, fallback = "/garage"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  if (value.startsWith("/signin") || value.startsWith("/api/")) return fallback;
  return value;
}

export const signInSchema = z.object({
  email: z
    .string({ error: "errors.emailRequired" })
    .trim()
    .min(1, "errors.emailRequired")
    .max(254, "errors.emailInvalid")
    .pipe(z.email("errors.emailInvalid"))
    .transform((v) => v.toLowerCase()),
  callbackUrl: z.unknown().transform((v) => safeCallbackPath(v)),
});
