"use server";

import { refresh, revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createClub, getMyClub, inviteMember, setMemberRole } from "@/db/clubs";
import { refuse } from "@/db/result";
import { slugArg } from "@/lib/schemas/bound";
import { clubSchema, inviteSchema, roleSchema } from "@/lib/schemas/club";
import { formAction, pageWithRefusal, postAction } from "../action";

const clubPage = (slug: string) => `/organise/clubs/${slug}`;

export const createClubAction = formAction(
  { bound: [], signIn: () => "/organise/clubs/new", schema: clubSchema, fields: ["name"] },
  async ({ user }, { name }) => {
    const created = await createClub(user.id, name);
    if (!created.ok) return created;
    // Only this browser's pages change (the header gains "Organise"): no shared cache is touched.
    refresh();
    redirect(clubPage(created.club.slug));
  },
);

/** Bound to the club's slug only: its name, for the mail, is read from the database. */
export const inviteAction = formAction<[typeof slugArg], typeof inviteSchema, { sentTo?: string }>(
  { bound: [slugArg], signIn: clubPage, schema: inviteSchema, fields: ["email", "role"] },
  async ({ user, bound: [slug] }, { email, role }) => {
    const invited = await inviteMember(user.id, slug, email, role);
    if (!invited) return refuse("errors.notAllowed");
    if (!invited.ok) return invited;
    revalidatePath(clubPage(slug));
    return { ok: true, sentTo: email };
  },
);

export const setRoleAction = postAction(
  { bound: [slugArg], signIn: clubPage },
  async ({ user, bound: [slug], form }) => {
    const parsed = roleSchema.safeParse({ role: form.get("role"), memberId: form.get("memberId") });
    const club = await getMyClub(user.id, slug);
    if (!parsed.success || !club) redirect(clubPage(slug));
    const result = await setMemberRole(
      user.id,
      club.id,
      parsed.data.memberId,
      parsed.data.role === "remove" ? null : parsed.data.role,
    );
    if (result?.ok) revalidatePath(clubPage(slug));
    // Refused like an unknown club (back to the page), so a member without the right learns nothing more.
    else redirect(result ? pageWithRefusal(clubPage(slug), result) : clubPage(slug));
  },
);
