"use server";

import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { addChecklistItem, removeChecklistItem } from "@/db/checklist";
import { checklistItemSchema } from "@/lib/schemas/checklist";
import { requireUser } from "../../../../session";

const page = (slug: string) => `/organise/events/${slug}/checklist`;

/** A plain form post: an empty label comes back as ?error=label beside the field (works without JavaScript). */
export async function addChecklistItemAction(slug: string, formData: FormData) {
  const user = await requireUser(page(slug));
  const parsed = checklistItemSchema.safeParse({ label: formData.get("label") ?? undefined, required: formData.get("required") ?? undefined });
  if (!parsed.success) redirect(`${page(slug)}?error=label`);
  if (!(await addChecklistItem(user.id, slug, parsed.data))) notFound();
  revalidatePath(page(slug));
  redirect(page(slug));
}

export async function removeChecklistItemAction(slug: string, itemId: string) {
  const user = await requireUser(page(slug));
  await removeChecklistItem(user.id, slug, itemId);
  revalidatePath(page(slug));
  redirect(page(slug));
}
