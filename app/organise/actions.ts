"use server";

import { revalidatePath, revalidateTag } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { acceptInvitation, createClub, inviteMember, setMemberRole } from "@/db/clubs";
import { appLink, mailEach } from "@/db/notify";
import type { FormResult } from "@/lib/form-result";
import { runFormAction } from "../action";
import { translateKeys } from "../form-errors";
import { requireUser } from "../session";

const clubSchema = z.object({ name: z.string({ error: "errors.clubNameRequired" }).trim().min(2, "errors.clubNameRequired").max(80, "errors.tooLong") });

export async function createClubAction(_prev: FormResult, formData: FormData): Promise<FormResult> {
  const result = await runFormAction(formData, { schema: clubSchema, fields: ["name"], returnTo: "/organise/clubs/new" }, async (user, { name }): Promise<FormResult<{ slug: string }>> => {
    const club = await createClub(user.id, name);
    return { ok: true, slug: club.slug };
  });
  if (!result.ok) return result;
  revalidatePath("/", "layout");
  redirect(`/organise/clubs/${result.slug}`);
}

const inviteSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("errors.emailInvalid")),
  role: z.enum(["admin", "organiser", "gate"], { error: "errors.roleRequired" }),
});

export async function inviteAction(club: { id: string; name: string; slug: string }, _prev: FormResult, formData: FormData): Promise<FormResult<{ sentTo?: string }>> {
  return runFormAction(formData, { schema: inviteSchema, fields: ["email", "role"], returnTo: `/organise/clubs/${club.slug}` }, async (user, { email, role }): Promise<FormResult<{ sentTo?: string }>> => {
    const token = await inviteMember(user.id, club.id, email, role);
    if (!token) return { ok: false, formError: (await translateKeys({ f: "errors.notAllowed" })).f };
    await mailEach([{ email, locale: null }], (t) => ({
      subject: t("organise.mail.inviteSubject", { club: club.name }),
      lines: [t("organise.mail.inviteBody", { club: club.name, role: t(`organise.roles.${role}`) }), appLink(`/invitations/${token}`), t("organise.mail.inviteExpiry")],
    }));
    revalidatePath(`/organise/clubs/${club.slug}`);
    return { ok: true, sentTo: email };
  });
}

export async function setRoleAction(club: { id: string; slug: string }, formData: FormData) {
  const user = await requireUser(`/organise/clubs/${club.slug}`);
  const role = z.enum(["admin", "organiser", "gate", "remove"]).safeParse(formData.get("role"));
  const memberId = String(formData.get("memberId") ?? "");
  if (!role.success) return;
  const result = await setMemberRole(user.id, club.id, memberId, role.data === "remove" ? null : role.data);
  revalidatePath(`/organise/clubs/${club.slug}`);
  if (!result.ok && result.reason === "lastAdmin") redirect(`/organise/clubs/${club.slug}?error=lastAdmin`);
}

export async function acceptInvitationAction(token: string) {
  const user = await requireUser(`/invitations/${token}`);
  const result = await acceptInvitation(user.id, user.email, token);
  if (!result.ok) redirect(`/invitations/${token}?error=${result.reason}`);
  revalidatePath("/", "layout");
  revalidateTag("events", "max");
  redirect(`/organise/clubs/${result.club.slug}`);
}
