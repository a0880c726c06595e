import { z } from "zod";
import { isRegistrationCountry } from "../countries";
import { isLocale } from "../locale";
import { LIMITS, tooLong, tooShort } from "./limits";

/** "+49 151 2345-678" → "+491512345678"; E.164 allows at most 15 digits after the plus. */
export function normalisePhone(raw: string): string {
  return raw.replace(/[\s\-()./]/g, "").replace(/^00/, "+");
}

/** The display name shown on public lists when the owner leaves it empty: "Jonas M." */
export function defaultDisplayName(fullName: string): string {
  const parts = fullName.trim().split(/\s+/).filter(Boolean);
  if (parts.length < 2) return parts[0] ?? "";
  return `${parts[0]} ${parts[parts.length - 1]![0]!.toUpperCase()}.`;
}

export const profileSchema = z
  .object({
    fullName: z
      .string({ error: "errors.fullNameRequired" })
      .trim()
      .min(1, { error: "errors.fullNameRequired", abort: true })
      .min(2, tooShort(2))
      .max(LIMITS.fullName, tooLong(LIMITS.fullName)),
    displayName: z.string().trim().max(LIMITS.displayName, tooLong(LIMITS.displayName)).optional(),
    country: z
      .string()
      .optional()
      .transform((v) => (v ? v : null))
      .refine((v) => v === null || isRegistrationCountry(v), "errors.countryRequired"),
    phone: z
      .string()
      .optional()
      .transform((v) => (v?.trim() ? normalisePhone(v) : null))
      .refine((v) => v === null || /^\+[1-9]\d{6,14}$/.test(v), "errors.phoneInvalid"),
    locale: z.string().refine(isLocale, "errors.languageRequired"),
  })
  .transform((p) => ({ ...p, displayName: p.displayName || defaultDisplayName(p.fullName) }));

export type ProfileInput = z.output<typeof profileSchema>;
export const profileFields = ["fullName", "displayName", "country", "phone", "locale"] as const;
