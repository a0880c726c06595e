"use server";

import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { publishDraw, runDraw } from "@/db/draws/writes";
import { idArg, slugArg } from "@/lib/schemas/bound";
import { pageWithRefusal, postAction } from "../../../../action";
import { revalidateEventPage } from "../../../../events/revalidate";

const page = (slug: string) => `/organise/events/${slug}/draw`;

/**
 * Runs the draw with the event's committed seed (nobody chooses it). Errors come back in the URL
 * (works without JavaScript). The public page lists every run, so it is refreshed too.
 */
export const runDrawAction = postAction({ bound: [slugArg], signIn: page }, async ({ user, bound: [slug] }) => {
  const result = await runDraw(user.id, slug);
  if (!result) notFound();
  if (result.ok) revalidatePath(`/events/${slug}/draw`);
  redirect(result.ok ? page(slug) : pageWithRefusal(page(slug), result));
});

export const publishDrawAction = postAction(
  { bound: [slugArg, idArg], signIn: page },
  async ({ user, bound: [slug, drawId] }) => {
    const result = await publishDraw(user.id, slug, drawId);
    if (!result) notFound();
    if (!result.ok) redirect(pageWithRefusal(page(slug), result));
    revalidateEventPage(slug);
    revalidatePath(`/events/${slug}/draw`);
    redirect(`${page(slug)}?published=1`);
  },
);
