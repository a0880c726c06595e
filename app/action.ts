import "server-only";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { signInPath } from "@/lib/auth-guard";
import type { FormResult } from "@/lib/form-result";
import { translatedFieldErrors } from "./form-errors";
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
