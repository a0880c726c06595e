import "server-only";
import { eq, sql } from "drizzle-orm";
import { db } from "./client";
import type { InvitationMailJob } from "./jobs";
import { appLink, mailEach } from "./notify";
import { clubInvitations, clubs, users } from "./schema";

/**
 * The worker task: mails an invitation, with the club's name as the database has it, in the
 * invitee's language when they already have an account. An accepted or expired one is not sent.
 */
export async function sendInvitationMail(job: InvitationMailJob): Promise<void> {
  const [row] = await db()
    .select({ email: clubInvitations.email, role: clubInvitations.role, club: clubs.name, locale: users.locale })
    .from(clubInvitations)
    .innerJoin(clubs, eq(clubs.id, clubInvitations.clubId))
    .leftJoin(users, eq(sql`lower(${users.email})`, clubInvitations.email))
    .where(sql`${clubInvitations.id} = ${job.invitationId} and ${clubInvitations.acceptedAt} is null and ${clubInvitations.expiresAt} > now()`);
  if (!row) return;
  await mailEach([{ email: row.email, locale: row.locale }], (t) => ({
    subject: t("organise.mail.inviteSubject", { club: row.club }),
    lines: [t("organise.mail.inviteBody", { club: row.club, role: t(`organise.roles.${row.role}`) }), appLink(`/invitations/${job.token}`), t("organise.mail.inviteExpiry")],
  }));
}
