"use server";

import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { assignEventPlaques, changePlaque } from "@/db/roster/plaques";
import { idArg, slugArg } from "@/lib/schemas/bound";
import { postAction } from "../../../../action";

const page = (slug: string) => `/organise/events/${slug}/plaques`;

export const assignPlaquesAction = postAction(
  { bound: [slugArg], signIn: page },
  async ({ user, bound: [slug], form }) => {
    const rule = form.get("rule") === "production-number" ? "production-number" : "registration-order";
    const result = await assignEventPlaques(user.id, slug, rule);
    if (!result) notFound();
    revalidatePath(`/organise/events/${slug}`, "layout");
    redirect(`${page(slug)}?assigned=${result.ok ? result.assigned : 0}`);
  },
);

/** Errors come back in the URL, beside the car's field: the form works without JavaScript. */
export const changePlaqueAction = postAction(
  { bound: [slugArg, idArg], signIn: page },
  async ({ user, bound: [slug, registrationId], form }) => {
    const raw = String(form.get("plaque") ?? "").trim();
    const result = await changePlaque(user.id, slug, registrationId, /^\d{1,6}$/.test(raw) ? Number(raw) : NaN);
    if (!result) notFound();
    revalidatePath(`/organise/events/${slug}`, "layout");
    // What was typed comes back beside the field, cut short: a plaque has six digits at most, and a
    // pasted page of text would make an address too long for the next request (Node refuses it).
    const typed = encodeURIComponent(Array.from(raw).slice(0, 20).join(""));
    redirect(
      result.ok
        ? `${page(slug)}?changed=1#p-${registrationId}`
        : `${page(slug)}?error=${result.error.slice(7)}&reg=${registrationId}&value=${typed}#p-${registrationId}`,
    );
  },
);
