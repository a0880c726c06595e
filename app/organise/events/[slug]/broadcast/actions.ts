"use server";

import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { sendBroadcast } from "@/db/broadcasts";
import type { FormResult } from "@/lib/form-result";
import { broadcastSchema } from "@/lib/schemas/broadcast";
import { slugArg } from "@/lib/schemas/bound";
import { boundArg, formArg } from "../../../../action";
import { translatedFieldErrors, translateKeys } from "../../../../form-errors";
import { requireUser } from "../../../../session";

export async function broadcastAction(boundSlug: string, _prev: FormResult<{ count?: number }>, formData: FormData): Promise<FormResult<{ count?: number }>> {
  const form = formArg(formData);
  const slug = boundArg(slugArg, boundSlug);
  const user = await requireUser(`/organise/events/${slug}/broadcast`);
  const input = Object.fromEntries(["audience", "sessionId", "subject", "body"].map((k) => [k, form.get(k) ?? undefined]));
  const values = Object.fromEntries(Object.entries(input).map(([k, v]) => [k, typeof v === "string" ? v : ""]));
  const parsed = broadcastSchema.safeParse(input);
  if (!parsed.success) return { ok: false, values, fieldErrors: await translatedFieldErrors(parsed.error.issues) };
  const result = await sendBroadcast(user.id, slug, parsed.data);
  if (!result) notFound();
  if (!result.ok) return { ok: false, values, fieldErrors: await translateKeys({ [result.field]: result.error }) };
  revalidatePath(`/organise/events/${slug}/broadcast`);
  return { ok: true, count: result.recipients };
}
