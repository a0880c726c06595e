import { z } from "zod";
import { isRegistrationCountry } from "../countries";
import { isLocale } from "../locale";
import { isExperienceLevel, type ExperienceLevel } from "../paperwork";
import { optionalDay, optionalText } from "./fields";
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

const optionalPhone = z
  .string()
  .optional()
  .transform((v) => (v?.trim() ? normalisePhone(v) : null))
  .refine((v) => v === null || /^\+[1-9]\d{6,14}$/.test(v), "errors.phoneInvalid");

const optionalCountry = z
  .string()
  .optional()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || isRegistrationCountry(v), "errors.countryRequired");

export const profileSchema = z
  .object({
    fullName: z
      .string({ error: "errors.fullNameRequired" })
      .trim()
      .min(1, { error: "errors.fullNameRequired", abort: true })
      .min(2, tooShort(2))
      .max(LIMITS.fullName, tooLong(LIMITS.fullName)),
    displayName: z.string().trim().max(LIMITS.displayName, tooLong(LIMITS.displayName)).optional(),
    country: optionalCountry,
    phone: optionalPhone,
    locale: z.string().refine(isLocale, "errors.languageRequired"),
    // What meet-day paperwork may ask (lib/paperwork.ts); each optional here, required per event.
    licenceNumber: optionalText(LIMITS.licenceNumber).refine(
      (v) => v === null || /^[\p{L}\d][\p{L}\d .-]{3,}$/u.test(v),
      "errors.licenceNumber",
    ),
    licenceCountry: optionalCountry,
    licenceValidUntil: optionalDay,
    emergencyName: optionalText(LIMITS.fullName),
    emergencyPhone: optionalPhone,
    experience: z
      .string()
      .optional()
      .transform((v) => (v ? v : null))
      .refine((v): v is ExperienceLevel | null => v === null || isExperienceLevel(v), "errors.experienceRequired"),
  })
  .transform((p) => ({ ...p, displayName: p.displayName || defaultDisplayName(p.fullName) }));

export type ProfileInput = z.output<typeof profileSchema>;
export const driverDetailFields = [
  "licenceNumber",
  "licenceCountry",
  "licenceValidUntil",
  "emergencyName",
  "emergencyPhone",
  "experience",
] as const;
export const profileFields = ["fullName", "displayName", "country", "phone", "locale", ...driverDetailFields] as const;
