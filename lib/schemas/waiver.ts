import { z } from "zod";
import { isReadablePng, pngOfDataUrl } from "../png";
import { uuid } from "./fields";
import { LIMITS, tooLong, tooShort } from "./limits";

/** A drawn signature is a small PNG; anything larger is not a signature pad's drawing. */
export const MAX_SIGNATURE_CHARS = 300_000;
const PNG_DATA_URL = /^data:image\/png;base64,[A-Za-z0-9+/]+=*$/;

/** "Sign waiver": the typed full name, an optional drawing, the tick, and what the signer read. */
export const waiverSignSchema = z.object({
  fullName: z
    .string({ error: "errors.signerNameRequired" })
    .trim()
    .min(1, { error: "errors.signerNameRequired", abort: true })
    .min(2, tooShort(2))
    .max(LIMITS.fullName, tooLong(LIMITS.fullName)),
  signature: z
    .string()
    .optional()
    .transform((v) => (v ? v : null))
    .refine(
      (v) => v === null || (v.length <= MAX_SIGNATURE_CHARS && PNG_DATA_URL.test(v) && isReadablePng(pngOfDataUrl(v))),
      "errors.signatureInvalid",
    ),
  accept: z.literal("on", { error: "errors.acceptWaiver" }),
  versionId: uuid("errors.waiverChanged"),
  language: z.enum(["en", "de"], { error: "errors.waiverChanged" }),
});
export type WaiverSignInput = z.output<typeof waiverSignSchema>;
export const waiverSignFields = ["fullName", "signature", "accept", "versionId", "language"] as const;
