"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { boundArg, formArg, runFormAction } from "@/app/action";
import { revalidateEventPage } from "@/app/events/revalidate";
import { translatedFieldErrors, translateKeys } from "@/app/form-errors";
import { requireUser } from "@/app/session";
import { moveRegistrations, promoteWaiting, removeRegistrations, type RosterChange } from "@/db/roster-writes";
import type { FormResult } from "@/lib/form-result";
import { refArg, slugArg } from "@/lib/schemas/bound";
import { formInput } from "@/lib/schemas/registration";
import { bulkSchema, moveSchema, promoteSchema, removeSchema } from "@/lib/schemas/roster";
import { entryPath, rosterPath } from "./_components/roster-queries";

type Ref = { slug: string; id: string };
type Done = "moved" | "promoted" | "removed";

/** A failed change back to the form (translated, with what was typed); a done one redirects with a summary. */
async function finish(slug: string, result: RosterChange, done: Done, to: string, values: Record<string, string>): Promise<FormResult> {
  if (!result.ok) {
    const errors = await translateKeys("notFound" in result ? { form: "roster.errors.notFound" } : { [result.field]: result.error });
    return { ok: false, formError: errors.form, fieldErrors: errors, values };
  }
  revalidateEventPage(slug);
  revalidatePath(rosterPath(slug), "layout");
  const url = new URL(to, "http://roster.invalid");
  const summary = { done, n: result.changed.length, skipped: result.skipped.length, up: result.promoted.length };
  for (const [key, value] of Object.entries(summary)) url.searchParams.set(key, String(value));
  redirect(`${url.pathname}${url.search}`);
}

const textOf = (formData: FormData, fields: string[]) => Object.fromEntries(fields.map((f) => [f, String(formData.get(f) ?? "")]));

export async function moveAction(boundRef: Ref, _prev: FormResult, formData: FormData): Promise<FormResult> {
  const form = formArg(formData);
  const ref = boundArg(refArg, boundRef);
  const fields = ["fromSessionId", "toSessionId", "overbook", "reason"];
  return runFormAction(form, { schema: moveSchema, fields, returnTo: entryPath(ref.slug, ref.id) }, async (user, input) =>
    finish(ref.slug, await moveRegistrations(user.id, ref.slug, { ...input, registrationIds: [ref.id] }), "moved", entryPath(ref.slug, ref.id), textOf(form, fields)));
}

export async function promoteAction(boundRef: Ref, _prev: FormResult, formData: FormData): Promise<FormResult> {
  const form = formArg(formData);
  const ref = boundArg(refArg, boundRef);
  const fields = ["sessionId", "overbook", "reason"];
  return runFormAction(form, { schema: promoteSchema, fields, returnTo: entryPath(ref.slug, ref.id) }, async (user, input) =>
    finish(ref.slug, await promoteWaiting(user.id, ref.slug, ref.id, input), "promoted", entryPath(ref.slug, ref.id), textOf(form, fields)));
}

export async function removeAction(boundRef: Ref, _prev: FormResult, formData: FormData): Promise<FormResult> {
  const form = formArg(formData);
  const ref = boundArg(refArg, boundRef);
  const fields = ["reason"];
  return runFormAction(form, { schema: removeSchema, fields, returnTo: entryPath(ref.slug, ref.id) }, async (user, input) =>
    finish(ref.slug, await removeRegistrations(user.id, ref.slug, { registrationIds: [ref.id], reason: input.reason }), "removed", entryPath(ref.slug, ref.id), textOf(form, fields)));
}

/** The roster's bulk form: the ticked rows (repeated `ids`) moved or removed together; back to the same roster view. */
export async function bulkAction(boundSlug: string, _prev: FormResult, formData: FormData): Promise<FormResult> {
  const form = formArg(formData);
  const slug = boundArg(slugArg, boundSlug);
  const user = await requireUser(rosterPath(slug));
  const fields = ["intent", "fromSessionId", "toSessionId", "overbook", "reason"];
  const values = textOf(form, fields);
  const parsed = bulkSchema.safeParse(formInput(form.entries(), ["ids"]));
  if (!parsed.success) return { ok: false, fieldErrors: await translatedFieldErrors(parsed.error.issues), values };
  const input = parsed.data;
  const returnTo = String(form.get("returnTo") ?? "");
  // Back to the same view: a roster address, of a length no roster link reaches (a search is 100 characters).
  const back = (returnTo.startsWith(`${rosterPath(slug)}?`) && returnTo.length <= 2000) || returnTo === rosterPath(slug) ? returnTo : rosterPath(slug);
  const result = input.intent === "move"
    ? await moveRegistrations(user.id, slug, { registrationIds: input.ids, fromSessionId: input.fromSessionId!, toSessionId: input.toSessionId!, overbook: input.overbook, reason: input.reason })
    : await removeRegistrations(user.id, slug, { registrationIds: input.ids, reason: input.reason });
  return finish(slug, result, input.intent === "move" ? "moved" : "removed", back, values);
}
