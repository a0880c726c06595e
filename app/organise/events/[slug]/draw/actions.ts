"use server";

import { randomBytes } from "node:crypto";
import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { publishDraw, runDraw } from "@/db/draws";
import { requireUser } from "../../../../session";
import { revalidateEventPage } from "../../../../events/revalidate";

const seedSchema = z.string().trim().max(100).transform((s) => s || randomBytes(12).toString("base64url"));
const page = (slug: string) => `/organise/events/${slug}/draw`;

/** Runs the draw; an empty seed field draws a random seed. Errors come back in the URL (works without JavaScript). */
export async function runDrawAction(slug: string, formData: FormData) {
  const user = await requireUser(page(slug));
  const seed = seedSchema.safeParse(formData.get("seed") ?? "");
  if (!seed.success) redirect(`${page(slug)}?error=seed`);
  const result = await runDraw(user.id, slug, seed.data);
  if (!result) notFound();
  redirect(result.ok ? page(slug) : `${page(slug)}?error=${result.error.split(".").pop()}`);
}

export async function publishDrawAction(slug: string, drawId: string) {
  const user = await requireUser(page(slug));
  const result = await publishDraw(user.id, slug, drawId);
  if (!result) notFound();
  if (!result.ok) redirect(`${page(slug)}?error=${result.error.split(".").pop()}`);
  revalidateEventPage(slug);
  revalidatePath(`/events/${slug}/draw`);
  redirect(`${page(slug)}?published=1`);
}
