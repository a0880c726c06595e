"use server";

import { refresh, revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { acceptInvitation, createClub, getMyClub, inviteMember, setMemberRole } from "@/db/clubs";
import type { FormResult } from "@/lib/form-result";
import { slugArg, tokenArg } from "@/lib/schemas/bound";
import { clubSchema, inviteSchema, roleSchema } from "@/lib/schemas/club";
import { boundArg, formArg, runFormAction } from "../action";
import { translateKeys } from "../form-errors";
import { requireUser } from "../session";

export async function createClubAction(_prev: FormResult, formData: FormData): Promise<FormResult> {
  const form = formArg(formData);
  const result = await runFormAction(form, { schema: clubSchema, fields: ["name"], returnTo: "/organise/clubs/new" }, async (user, { name }): Promise<FormResult<{ slug: string }>> => {
    const created = await createClub(user.id, name);
    if (!created.ok) return { ok: false, fieldErrors: await translateKeys({ [created.field]: created.error }), values: { name } };
    return { ok: true, slug: created.club.slug };
  });
  if (!result.ok) return result;
  // Only this browser's pages change (the header gains "Organise"): no shared cache is touched.
  refresh();
  redirect(`/organise/clubs/${result.slug}`);
}

/** Bound to the club's slug only: its name, for the mail, is read from the database. */
export async function inviteAction(clubSlug: string, _prev: FormResult, formData: FormData): Promise<FormResult<{ sentTo?: string }>> {
  const form = formArg(formData);
  const slug = boundArg(slugArg, clubSlug);
  return runFormAction(form, { schema: inviteSchema, fields: ["email", "role"], returnTo: `/organise/clubs/${slug}` }, async (user, { email, role }): Promise<FormResult<{ sentTo?: string }>> => {
    const invited = await inviteMember(user.id, slug, email, role);
    if (!invited) return { ok: false, formError: (await translateKeys({ f: "errors.notAllowed" })).f };
    if (!invited.ok) return { ok: false, fieldErrors: await translateKeys({ [invited.field]: invited.error }), values: { email, role } };
    revalidatePath(`/organise/clubs/${slug}`);
    return { ok: true, sentTo: email };
  });
}

export async function setRoleAction(clubSlug: string, formData: FormData) {
  const form = formArg(formData);
  const slug = boundArg(slugArg, clubSlug);
  const user = await requireUser(`/organise/clubs/${slug}`);
  const parsed = roleSchema.safeParse({ role: form.get("role"), memberId: form.get("memberId") });
  const club = await getMyClub(user.id, slug);
  if (!parsed.success || !club) redirect(`/organise/clubs/${slug}`);
  const result = await setMemberRole(user.id, club.id, parsed.data.memberId, parsed.data.role === "remove" ? null : parsed.data.role);
  if (result.ok) revalidatePath(`/organise/clubs/${slug}`);
  // Refused like an unknown club (back to the page), so a member without the right learns nothing more.
  else redirect(`/organise/clubs/${slug}${result.reason === "lastAdmin" ? "?error=lastAdmin" : ""}`);
}

export async function acceptInvitationAction(invitationToken: string) {
  const token = boundArg(tokenArg, invitationToken);
  const user = await requireUser(`/invitations/${token}`);
  const result = await acceptInvitation(user.id, user.email, token);
  if (!result.ok) redirect(`/invitations/${token}?error=${result.reason}`);
  refresh();
  redirect(`/organise/clubs/${result.club.slug}`);
}
