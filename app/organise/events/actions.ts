"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { expireEventPage } from "@/app/events/revalidate";
import { cancelEvent, createEvent, saveEvent } from "@/db/organiser-events";
import { refuse } from "@/db/result";
import { withSessionRowAdded } from "@/lib/event-form-values";
import { slugArg } from "@/lib/schemas/bound";
import { eventSchema } from "@/lib/schemas/event";
import { eventFormInput } from "@/lib/schemas/event-form-input";
import { formAction, postAction } from "../../action";

const editPage = (slug: string | null) => (slug ? `/organise/events/${slug}/edit` : "/organise/events/new");
// The pipeline asks for the input, the echo, the rows and the shortcut of the same form: parse it once.
const parsed = new WeakMap<FormData, ReturnType<typeof eventFormInput>>();
function formOf(form: FormData) {
  if (!parsed.has(form)) parsed.set(form, eventFormInput(form.entries()));
  return parsed.get(form)!;
}

/** Save, publish, or (intent "addSession") only add an empty session row: all without JavaScript too. */
export const saveEventAction = formAction(
  {
    bound: [slugArg.nullable()],
    signIn: editPage,
    schema: eventSchema,
    input: (form) => formOf(form).input,
    echo: (_input, form) => formOf(form).values,
    keep: (form) => ({ rows: formOf(form).rows }),
    shortcut: (form) =>
      form.get("intent") === "addSession"
        ? { ok: false, ...withSessionRowAdded(formOf(form).values, formOf(form).rows) }
        : null,
  },
  async ({ user, bound: [slug], form }, event) => {
    const publish = form.get("intent") === "publish";
    const result = slug
      ? await saveEvent(user.id, slug, event, publish)
      : await createEvent(user.id, String(form.get("clubId") ?? ""), event, publish);
    if (!result) return refuse("errors.notAllowed");
    if (!result.ok) return result;
    expireEventPage(result.slug);
    revalidatePath("/organise");
    redirect(`/organise/events/${result.slug}/edit?saved=${publish ? "published" : "1"}`);
  },
);

export type EventFormState = Parameters<typeof saveEventAction>[1];

export const cancelEventAction = postAction({ bound: [slugArg], signIn: editPage }, async ({ user, bound: [slug] }) => {
  const result = await cancelEvent(user.id, slug);
  if (!result) redirect(editPage(slug));
  expireEventPage(slug);
  redirect(`/organise/events/${slug}/edit?saved=cancelled`);
});
