"use server";

import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { retryMail } from "@/db/mail/problems";
import { idArg, slugArg } from "@/lib/schemas/bound";
import { postAction } from "../../../../action";

const page = (slug: string) => `/organise/events/${slug}/mail`;

/** "Retry" on a line of the Mail problems list: the answer comes back in the URL, so it works without JavaScript. */
export const retryMailAction = postAction(
  { bound: [slugArg, idArg], signIn: page },
  async ({ user, bound: [slug, mailId] }) => {
    const result = await retryMail(user.id, slug, mailId);
    if (!result) notFound();
    revalidatePath(page(slug));
    redirect(result.ok ? `${page(slug)}?retried=1` : `${page(slug)}?error=notStuck`);
  },
);
