"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { expireEventPage } from "@/app/events/revalidate";
import { cancelEvent, createEvent, saveEvent } from "@/db/organiser-events";
import type { FormResult } from "@/lib/form-result";
import { slugArg } from "@/lib/schemas/bound";
import { withSessionRowAdded } from "@/lib/event-form-values";
import { eventFormInput, eventSchema } from "@/lib/schemas/event";
import { boundArg, formArg } from "../../action";
import { translatedFieldErrors, translateKeys } from "../../form-errors";
import { requireUser } from "../../session";

export type EventFormState = FormResult & { rows?: number };

/** Save, publish, or (intent "addSession") only add an empty session row: all without JavaScript too. */
export async function saveEventAction(boundSlug: string | null, _prev: EventFormState, formData: FormData): Promise<EventFormState> {
  const form = formArg(formData);
  const slug = boundArg(slugArg.nullable(), boundSlug);
  const user = await requireUser(slug ? `/organise/events/${slug}/edit` : "/organise/events/new");
  const { input, rows, values } = eventFormInput(form.entries());
  const intent = form.get("intent");
  if (intent === "addSession") return { ok: false, ...withSessionRowAdded(values, rows) };
  const parsed = eventSchema.safeParse(input);
  if (!parsed.success) return { ok: false, values, rows, fieldErrors: await translatedFieldErrors(parsed.error.issues) };
  const publish = intent === "publish";
  const result = slug ? await saveEvent(user.id, slug, parsed.data, publish) : await createEvent(user.id, String(form.get("clubId") ?? ""), parsed.data, publish);
  if (!result.ok) {
    const fieldErrors = "notFound" in result ? { form: "errors.notAllowed" } : result.fieldErrors;
    const translated = await translateKeys(fieldErrors);
    return { ok: false, values, rows, formError: translated.form, fieldErrors: translated };
  }
  expireEventPage(result.slug);
  revalidatePath("/organise");
  redirect(`/organise/events/${result.slug}/edit?saved=${publish ? "published" : "1"}`);
}

export async function cancelEventAction(boundSlug: string) {
  const slug = boundArg(slugArg, boundSlug);
  const user = await requireUser(`/organise/events/${slug}/edit`);
  const result = await cancelEvent(user.id, slug);
  if (!result) redirect(`/organise/events/${slug}/edit`);
  expireEventPage(slug);
  redirect(`/organise/events/${slug}/edit?saved=cancelled`);
}

