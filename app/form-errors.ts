import "server-only";
import { getTranslations } from "next-intl/server";
import { fieldErrorKeys, type FieldErrors } from "@/lib/form-result";

type IssueLike = Parameters<typeof fieldErrorKeys>[0][number];

/**
 * zod issues → one translated message per field, in the visitor's language. Schemas carry
 * catalogue keys as messages, with values after "?" (`errors.yearOutOfRange?from=2011&to=2012`).
 */
export async function translatedFieldErrors(issues: readonly IssueLike[]): Promise<FieldErrors> {
  return translateKeys(fieldErrorKeys(issues));
}

export async function translateKeys(keys: FieldErrors): Promise<FieldErrors> {
  const t = await getTranslations();
  return Object.fromEntries(
    Object.entries(keys).map(([field, message]) => {
      const [key = "", query = ""] = message.split("?");
      const values = Object.fromEntries(new URLSearchParams(query));
      return [field, t.has(key as never) ? t(key as never, values as never) : message];
    }),
  );
}
