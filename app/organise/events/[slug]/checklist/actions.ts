"use server";

import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { addChecklistItem, removeChecklistItem } from "@/db/checklist";
import { idArg, slugArg } from "@/lib/schemas/bound";
import { checklistItemSchema } from "@/lib/schemas/checklist";
import { postAction } from "../../../../action";

const page = (slug: string) => `/organise/events/${slug}/checklist`;

/** A plain form post: an empty label comes back as ?error=label beside the field (works without JavaScript). */
export const addChecklistItemAction = postAction(
  { bound: [slugArg], signIn: page },
  async ({ user, bound: [slug], form }) => {
    const parsed = checklistItemSchema.safeParse({
      label: form.get("label") ?? undefined,
      required: form.get("required") ?? undefined,
    });
    if (!parsed.success) redirect(`${page(slug)}?error=label`);
    if (!(await addChecklistItem(user.id, slug, parsed.data))) notFound();
    revalidatePath(page(slug));
    redirect(page(slug));
  },
);

export const removeChecklistItemAction = postAction(
  { bound: [slugArg, idArg], signIn: page },
  async ({ user, bound: [slug, itemId] }) => {
    // Only a removal the database allowed refreshes the page; a second click just goes back to it.
    if (await removeChecklistItem(user.id, slug, itemId)) revalidatePath(page(slug));
    redirect(page(slug));
  },
);
