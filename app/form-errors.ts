import "server-only";
import { getTranslations } from "next-intl/server";
import { fieldErrorKeys, type FieldErrors } from "@/lib/form-result";

type IssueLike = Parameters<typeof fieldErrorKeys>[0][number];

/** zod issues → one translated message per field, in the visitor's language. */
export async function translatedFieldErrors(issues: readonly IssueLike[]): Promise<FieldErrors> {
  const t = await getTranslations();
  const keys = fieldErrorKeys(issues);
  // Schemas carry catalogue keys as messages; anything else is shown as written.
  return Object.fromEntries(Object.entries(keys).map(([field, key]) => [field, t.has(key as never) ? t(key as never) : key]));
}
