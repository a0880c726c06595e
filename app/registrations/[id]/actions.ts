"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { changeEntry } from "@/db/lottery-entries";
import type { WriteResult } from "@/db/registration-checks";
import { cancelRegistration, changeCar, changeSessions } from "@/db/registration-writes";
import type { FormResult } from "@/lib/form-result";
import { refArg } from "@/lib/schemas/bound";
import { entryChangeSchema } from "@/lib/schemas/lottery-entry";
import { carChangeSchema, formInput, sessionChangeSchema } from "@/lib/schemas/registration";
import { boundArg, formArg } from "../../action";
import { translatedFieldErrors, translateKeys } from "../../form-errors";
import { requireUser } from "../../session";
import { revalidateEventPage } from "../../events/revalidate";

type Ref = { id: string; slug: string };

/** Pages are refreshed from what the database changed (its event), never from the bound `ref`. */
async function finish(id: string, result: WriteResult, path = `/registrations/${id}`): Promise<FormResult> {
  if (!result.ok) {
    const errors = await translateKeys({ [result.field]: result.error });
    return { ok: false, formError: errors.form, fieldErrors: errors };
  }
  if (result.eventSlug) revalidateEventPage(result.eventSlug);
  revalidatePath(`/registrations/${result.registrationId}`);
  redirect(path);
}

export async function changeSessionsAction(ref: Ref, _prev: FormResult, formData: FormData): Promise<FormResult> {
  const form = formArg(formData);
  const { id } = boundArg(refArg, ref);
  const user = await requireUser(`/registrations/${id}`);
  const parsed = sessionChangeSchema.safeParse(formInput(form.entries()));
  if (!parsed.success) return { ok: false, fieldErrors: await translatedFieldErrors(parsed.error.issues) };
  return finish(id, await changeSessions(user.id, id, parsed.data.sessionIds), `/registrations/${id}?saved=sessions`);
}

export async function cancelRegistrationAction(ref: Ref, _prev: FormResult, _formData: FormData): Promise<FormResult> {
  const { id } = boundArg(refArg, ref);
  const user = await requireUser(`/registrations/${id}`);
  return finish(id, await cancelRegistration(user.id, id));
}

export async function changeCarAction(ref: Ref, _prev: FormResult, formData: FormData): Promise<FormResult> {
  const form = formArg(formData);
  const { id } = boundArg(refArg, ref);
  const user = await requireUser(`/registrations/${id}/car`);
  const parsed = carChangeSchema.safeParse({ carId: form.get("carId") ?? undefined });
  if (!parsed.success) return { ok: false, fieldErrors: await translatedFieldErrors(parsed.error.issues) };
  return finish(id, await changeCar(user.id, id, parsed.data.carId), `/registrations/${id}?saved=car`);
}

export async function changeEntryAction(ref: Ref, _prev: FormResult, formData: FormData): Promise<FormResult> {
  const form = formArg(formData);
  const { id } = boundArg(refArg, ref);
  const user = await requireUser(`/registrations/${id}/choices`);
  const input = formInput(form.entries(), []);
  const values = Object.fromEntries(Object.entries(input).map(([k, v]) => [k, String(v ?? "")]));
  const parsed = entryChangeSchema.safeParse(input);
  if (!parsed.success) return { ok: false, values, fieldErrors: await translatedFieldErrors(parsed.error.issues) };
  const result = await changeEntry(user.id, id, parsed.data.ranking);
  if (result.ok) return finish(id, result, `/registrations/${id}?saved=choices`);
  const errors = await translateKeys({ [result.field]: result.error });
  return { ok: false, values, formError: errors.form, fieldErrors: errors };
}
