import { z } from "zod";
import { safeCallbackPath } from "../safe-path";

// It lives in its own module so the browser's header (components/account-nav) can use it without zod.
export { safeCallbackPath };

export const signInSchema = z.object({
  email: z
    .string({ error: "errors.emailRequired" })
    .trim()
    .min(1, "errors.emailRequired")
    .max(254, "errors.emailInvalid")
    .pipe(z.email("errors.emailInvalid"))
    .transform((v) => v.toLowerCase()),
  callbackUrl: z
    .unknown()
    .optional()
    .transform((v) => safeCallbackPath(v)),
});
