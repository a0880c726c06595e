"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { changeEntry } from "@/db/lottery-entries";
import { cancelRegistration, changeCar, changeSessions } from "@/db/registration-writes";
import type { FormResult } from "@/lib/form-result";
import { entryChangeSchema } from "@/lib/schemas/lottery-entry";
import { carChangeSchema, formInput, sessionChangeSchema } from "@/lib/schemas/registration";
import { translatedFieldErrors, translateKeys } from "../../form-errors";
import { requireUser } from "../../session";
import { revalidateEventPage } from "../../events/revalidate";

type Ref = { id: string; slug: string };

async function finish(ref: Ref, result: Awaited<ReturnType<typeof changeSessions>>, path = `/registrations/${ref.id}`): Promise<FormResult> {
  if (!result.ok) {
    const errors = await translateKeys({ [result.field]: result.error });
    return { ok: false, formError: errors.form, fieldErrors: errors };
  }
  revalidateEventPage(ref.slug);
  revalidatePath(`/registrations/${ref.id}`);
  redirect(path);
}

export async function changeSessionsAction(ref: Ref, _prev: FormResult, formData: FormData): Promise<FormResult> {
  const user = await requireUser(`/registrations/${ref.id}`);
  const parsed = sessionChangeSchema.safeParse(formInput(formData.entries()));
  if (!parsed.success) return { ok: false, fieldErrors: await translatedFieldErrors(parsed.error.issues) };
  return finish(ref, await changeSessions(user.id, ref.id, parsed.data.sessionIds), `/registrations/${ref.id}?saved=sessions`);
}

export async function cancelRegistrationAction(ref: Ref, _prev: FormResult, _formData: FormData): Promise<FormResult> {
  const user = await requireUser(`/registrations/${ref.id}`);
  return finish(ref, await cancelRegistration(user.id, ref.id));
}

export async function changeCarAction(ref: Ref, _prev: FormResult, formData: FormData): Promise<FormResult> {
  const user = await requireUser(`/registrations/${ref.id}/car`);
  const parsed = carChangeSchema.safeParse({ carId: formData.get("carId") ?? undefined });
  if (!parsed.success) return { ok: false, fieldErrors: await translatedFieldErrors(parsed.error.issues) };
  return finish(ref, await changeCar(user.id, ref.id, parsed.data.carId), `/registrations/${ref.id}?saved=car`);
}

export async function changeEntryAction(ref: Ref, _prev: FormResult, formData: FormData): Promise<FormResult> {
  const user = await requireUser(`/registrations/${ref.id}/choices`);
  const input = formInput(formData.entries(), []);
  const values = Object.fromEntries(Object.entries(input).map(([k, v]) => [k, String(v ?? "")]));
  const parsed = entryChangeSchema.safeParse(input);
  if (!parsed.success) return { ok: false, values, fieldErrors: await translatedFieldErrors(parsed.error.issues) };
  const result = await changeEntry(user.id, ref.id, parsed.data.ranking);
  if (result.ok) return finish(ref, result, `/registrations/${ref.id}?saved=choices`);
  const errors = await translateKeys({ [result.field]: result.error });
  return { ok: false, values, formError: errors.form, fieldErrors: errors };
}
