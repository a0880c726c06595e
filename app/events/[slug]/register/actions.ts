"use server";

import { redirect } from "next/navigation";
import { enterLottery } from "@/db/lottery-entries";
import type { WriteResult } from "@/db/registration-checks";
import { registerCar } from "@/db/registration-writes";
import type { FormResult } from "@/lib/form-result";
import { lotteryEntrySchema } from "@/lib/schemas/lottery-entry";
import { formInput, registrationSchema } from "@/lib/schemas/registration";
import { translatedFieldErrors, translateKeys } from "../../../form-errors";
import { requireUser } from "../../../session";
import { revalidateEventPage } from "../../revalidate";

/** A refusal goes back beside its field with what was typed; a registration opens its ticket. */
async function finish(slug: string, result: WriteResult, values: Record<string, string>): Promise<FormResult> {
  if (!result.ok) {
    const errors = await translateKeys({ [result.field]: result.error });
    return { ok: false, values, formError: errors.form, fieldErrors: errors };
  }
  revalidateEventPage(slug);
  redirect(`/registrations/${result.registrationId}`);
}

export async function registerAction(slug: string, _prev: FormResult, formData: FormData): Promise<FormResult> {
  const user = await requireUser(`/events/${slug}/register`);
  const input = formInput(formData.entries());
  const values = { carId: String(input.carId ?? ""), sessionIds: (input.sessionIds as string[]).join(","), secondDriverName: String(input.secondDriverName ?? ""), secondDriverEmail: String(input.secondDriverEmail ?? ""), acceptRules: String(input.acceptRules ?? "") };
  const parsed = registrationSchema.safeParse(input);
  if (!parsed.success) return { ok: false, values, fieldErrors: await translatedFieldErrors(parsed.error.issues) };
  return finish(slug, await registerCar(user.id, parsed.data), values);
}

/** A ballot entry: the same checks, ranked choices instead of ticked sessions. */
export async function enterLotteryAction(slug: string, _prev: FormResult, formData: FormData): Promise<FormResult> {
  const user = await requireUser(`/events/${slug}/register`);
  const input = formInput(formData.entries(), []);
  const values = Object.fromEntries(Object.entries(input).filter(([k]) => k !== "idempotencyKey" && k !== "eventId").map(([k, v]) => [k, String(v ?? "")]));
  const parsed = lotteryEntrySchema.safeParse(input);
  if (!parsed.success) return { ok: false, values, fieldErrors: await translatedFieldErrors(parsed.error.issues) };
  return finish(slug, await enterLottery(user.id, parsed.data), values);
}
