"use server";

import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { addChecklistItem, removeChecklistItem } from "@/db/checklist";
import { checklistItemSchema } from "@/lib/schemas/checklist";
import { idArg, slugArg } from "@/lib/schemas/bound";
import { boundArg, formArg } from "../../../../action";
import { requireUser } from "../../../../session";

const page = (slug: string) => `/organise/events/${slug}/checklist`;

/** A plain form post: an empty label comes back as ?error=label beside the field (works without JavaScript). */
export async function addChecklistItemAction(boundSlug: string, formData: FormData) {
  const form = formArg(formData);
  const slug = boundArg(slugArg, boundSlug);
  const user = await requireUser(page(slug));
  const parsed = checklistItemSchema.safeParse({ label: form.get("label") ?? undefined, required: form.get("required") ?? undefined });
  if (!parsed.success) redirect(`${page(slug)}?error=label`);
  if (!(await addChecklistItem(user.id, slug, parsed.data))) notFound();
  revalidatePath(page(slug));
  redirect(page(slug));
}

export async function removeChecklistItemAction(boundSlug: string, boundItemId: string) {
  const [slug, itemId] = [boundArg(slugArg, boundSlug), boundArg(idArg, boundItemId)];
  const user = await requireUser(page(slug));
  // Only a removal the database allowed refreshes the page; a second click just goes back to it.
  if (await removeChecklistItem(user.id, slug, itemId)) revalidatePath(page(slug));
  redirect(page(slug));
}
