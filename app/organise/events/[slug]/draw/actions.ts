"use server";

import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { publishDraw, runDraw } from "@/db/draws";
import { idArg, slugArg } from "@/lib/schemas/bound";
import { boundArg } from "../../../../action";
import { requireUser } from "../../../../session";
import { revalidateEventPage } from "../../../../events/revalidate";

const page = (slug: string) => `/organise/events/${slug}/draw`;

/**
 * Runs the draw with the event's committed seed (nobody chooses it). Errors come back in the URL
 * (works without JavaScript). The public page lists every run, so it is refreshed too.
 */
export async function runDrawAction(boundSlug: string) {
  const slug = boundArg(slugArg, boundSlug);
  const user = await requireUser(page(slug));
  const result = await runDraw(user.id, slug);
  if (!result) notFound();
  if (result.ok) revalidatePath(`/events/${slug}/draw`);
  redirect(result.ok ? page(slug) : `${page(slug)}?error=${result.error.split(".").pop()}`);
}

export async function publishDrawAction(boundSlug: string, boundDrawId: string) {
  const [slug, drawId] = [boundArg(slugArg, boundSlug), boundArg(idArg, boundDrawId)];
  const user = await requireUser(page(slug));
  const result = await publishDraw(user.id, slug, drawId);
  if (!result) notFound();
  if (!result.ok) redirect(`${page(slug)}?error=${result.error.split(".").pop()}`);
  revalidateEventPage(slug);
  revalidatePath(`/events/${slug}/draw`);
  redirect(`${page(slug)}?published=1`);
}
