"use server";

import { redirect } from "next/navigation";
import { enterLottery } from "@/db/lottery-entries";
import type { WriteResult } from "@/db/registration-checks";
import { registerCar } from "@/db/registration-writes";
import type { FormResult } from "@/lib/form-result";
import { slugArg } from "@/lib/schemas/bound";
import { lotteryEntrySchema } from "@/lib/schemas/lottery-entry";
import { formInput, registrationSchema } from "@/lib/schemas/registration";
import { boundArg, formArg, overLimit } from "../../../action";
import { translatedFieldErrors, translateKeys } from "../../../form-errors";
import { requireUser } from "../../../session";
import { revalidateEventPage } from "../../revalidate";

/**
 * A refusal goes back beside its field with what was typed; a registration opens its ticket.
 * The page refreshed is the event the database registered for, not the slug the form was bound to.
 */
async function finish(result: WriteResult, values: Record<string, string>): Promise<FormResult> {
  if (!result.ok) {
    const errors = await translateKeys({ [result.field]: result.error });
    return { ok: false, values, formError: errors.form, fieldErrors: errors };
  }
  if (result.eventSlug) revalidateEventPage(result.eventSlug);
  redirect(`/registrations/${result.registrationId}`);
}

export async function registerAction(eventSlug: string, _prev: FormResult, formData: FormData): Promise<FormResult> {
  const form = formArg(formData);
  const user = await requireUser(`/events/${boundArg(slugArg, eventSlug)}/register`);
  const input = formInput(form.entries());
  const values = { carId: String(input.carId ?? ""), sessionIds: (input.sessionIds as string[]).join(","), secondDriverName: String(input.secondDriverName ?? ""), secondDriverEmail: String(input.secondDriverEmail ?? ""), acceptRules: String(input.acceptRules ?? "") };
  const parsed = registrationSchema.safeParse(input);
  if (!parsed.success) return { ok: false, values, fieldErrors: await translatedFieldErrors(parsed.error.issues) };
  const limited = await overLimit("registrationsPerUser", user.id);
  if (limited) return { ...limited, values };
  return finish(await registerCar(user.id, parsed.data), values);
}

/** A ballot entry: the same checks, ranked choices instead of ticked sessions. */
export async function enterLotteryAction(eventSlug: string, _prev: FormResult, formData: FormData): Promise<FormResult> {
  const form = formArg(formData);
  const user = await requireUser(`/events/${boundArg(slugArg, eventSlug)}/register`);
  const input = formInput(form.entries(), []);
  const values = Object.fromEntries(Object.entries(input).filter(([k]) => k !== "idempotencyKey" && k !== "eventId").map(([k, v]) => [k, String(v ?? "")]));
  const parsed = lotteryEntrySchema.safeParse(input);
  if (!parsed.success) return { ok: false, values, fieldErrors: await translatedFieldErrors(parsed.error.issues) };
  const limited = await overLimit("registrationsPerUser", user.id);
  if (limited) return { ...limited, values };
  return finish(await enterLottery(user.id, parsed.data), values);
}
