"use server";

import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { retryMail } from "@/db/mail/problems";
import { idArg, slugArg } from "@/lib/schemas/bound";
import { boundArg } from "../../../../action";
import { requireUser } from "../../../../session";

const page = (slug: string) => `/organise/events/${slug}/mail`;

/** "Retry" on a line of the Mail problems list: the answer comes back in the URL, so it works without JavaScript. */
export async function retryMailAction(boundSlug: string, boundMailId: string) {
  const [slug, mailId] = [boundArg(slugArg, boundSlug), boundArg(idArg, boundMailId)];
  const user = await requireUser(page(slug));
  const result = await retryMail(user.id, slug, mailId);
  if (!result) notFound();
  revalidatePath(page(slug));
  redirect(result.ok ? `${page(slug)}?retried=1` : `${page(slug)}?error=notStuck`);
}
