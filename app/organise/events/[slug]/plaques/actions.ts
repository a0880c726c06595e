"use server";

import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { assignEventPlaques, changePlaque } from "@/db/plaques";
import { idArg, slugArg } from "@/lib/schemas/bound";
import { boundArg, formArg } from "../../../../action";
import { requireUser } from "../../../../session";

const page = (slug: string) => `/organise/events/${slug}/plaques`;

export async function assignPlaquesAction(boundSlug: string, formData: FormData) {
  const form = formArg(formData);
  const slug = boundArg(slugArg, boundSlug);
  const user = await requireUser(page(slug));
  const rule = form.get("rule") === "production-number" ? "production-number" : "registration-order";
  const result = await assignEventPlaques(user.id, slug, rule);
  if (!result) notFound();
  revalidatePath(`/organise/events/${slug}`, "layout");
  redirect(`${page(slug)}?assigned=${result.ok ? result.assigned : 0}`);
}

/** Errors come back in the URL, beside the car's field: the form works without JavaScript. */
export async function changePlaqueAction(boundSlug: string, boundRegistrationId: string, formData: FormData) {
  const form = formArg(formData);
  const [slug, registrationId] = [boundArg(slugArg, boundSlug), boundArg(idArg, boundRegistrationId)];
  const user = await requireUser(page(slug));
  const raw = String(form.get("plaque") ?? "").trim();
  const result = await changePlaque(user.id, slug, registrationId, /^\d{1,6}$/.test(raw) ? Number(raw) : NaN);
  if (!result) notFound();
  revalidatePath(`/organise/events/${slug}`, "layout");
  // What was typed comes back beside the field, cut short: a plaque has six digits at most, and a
  // pasted page of text would make an address too long for the next request (Node refuses it).
  const typed = encodeURIComponent(Array.from(raw).slice(0, 20).join(""));
  redirect(result.ok ? `${page(slug)}?changed=1#p-${registrationId}` : `${page(slug)}?error=${result.error.slice(7)}&reg=${registrationId}&value=${typed}#p-${registrationId}`);
}
