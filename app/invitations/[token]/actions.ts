"use server";

import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { acceptInvitation } from "@/db/clubs";
import { tokenArg } from "@/lib/schemas/bound";
import { pageWithRefusal, postAction } from "../../action";

/** "Accept invitation": the signed-in person joins the club, if the invitation was sent to them. */
export const acceptInvitationAction = postAction(
  { bound: [tokenArg], signIn: (token) => `/invitations/${token}` },
  async ({ user, bound: [token] }) => {
    const result = await acceptInvitation(user.id, user.email, token);
    if (!result.ok) redirect(pageWithRefusal(`/invitations/${token}`, result));
    // Only this browser's pages change (the header gains "Organise"): no shared cache is touched.
    refresh();
    redirect(`/organise/clubs/${result.club.slug}`);
  },
);
