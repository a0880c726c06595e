import "server-only";
import { notFound, redirect } from "next/navigation";
import type { z } from "zod";
import { signInPath } from "@/lib/auth-guard";
import { consume } from "@/db/rate-limit";
import type { FormResult } from "@/lib/form-result";
import { rateLimitedKey, type LimitName } from "@/lib/rate-limits";
import { translatedFieldErrors, translateKeys } from "./form-errors";
import { currentUser, type SessionUser } from "./session";

/**
 * The one parse → authenticate → call wrapper for form actions: reads `fields` from the form,
 * validates them with `schema` (errors go back beside their fields, with what was typed), and
 * only then calls the data layer with the signed-in user.
 */
export async function runFormAction<S extends z.ZodType, T extends object>(
  formData: FormData,
  options: { schema: S; fields: readonly string[]; returnTo: string },
  call: (user: SessionUser, data: z.output<S>) => Promise<FormResult<T>>,
): Promise<FormResult<T>> {
  const user = await currentUser();
  if (!user) redirect(signInPath(options.returnTo));
  const raw = Object.fromEntries(options.fields.map((f) => [f, typeof formData.get(f) === "string" ? (formData.get(f) as string) : undefined]));
  const parsed = options.schema.safeParse(raw);
  if (!parsed.success) {
    const values = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, v ?? ""]));
    return { ok: false, fieldErrors: await translatedFieldErrors(parsed.error.issues), values };
  }
  return call(user, parsed.data);
}

/**
 * A value the page bound to the action (`.bind(null, slug)`). The browser sends it back like a
 * field, so it is checked like one (lib/schemas/bound.ts); a forged one is simply not found.
 */
export function boundArg<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) notFound();
  return parsed.data;
}

/**
 * The form an action was called with, as the action should read it. React's client sends whatever
 * arguments the caller chose, so a forged call may send none, or a string where the form belongs:
 * that is simply not found, not a crash. A NUL byte, which no text column can hold and no browser
 * form sends, is dropped from every name and value here rather than failing in the database.
 */
export function formArg(value: unknown): FormData {
  if (!(value instanceof FormData)) notFound();
  const form = new FormData();
  for (const [name, field] of value.entries()) form.append(name.replaceAll("\0", ""), typeof field === "string" ? field.replaceAll("\0", "") : field);
  return form;
}

/** Counts one attempt against a rate limit; over it, the form's refusal ("Try again in …"), else null. */
export async function overLimit(name: LimitName, key: string): Promise<{ ok: false; formError: string } | null> {
  const limited = await consume(name, key);
  if (limited.ok) return null;
  return { ok: false, formError: (await translateKeys({ form: rateLimitedKey(limited.retryAfter) })).form! };
}
