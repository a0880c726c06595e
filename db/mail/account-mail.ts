import "server-only";
import { eq, sql } from "drizzle-orm";
import { translatorFor } from "@/i18n/messages";
import { escapeHtml } from "@/lib/mail-links";
import { db } from "../client";
import { clubInvitations, clubs, users, type MailRow } from "../schema";
import { appLink, localeOr, written, type Composed } from "./compose";

/**
 * A club invitation, with the club's name as the database has it, in the invitee's language when
 * they already have an account. An accepted or expired one is not sent.
 */
export async function composeInvitation(row: MailRow, token: string | undefined): Promise<Composed> {
  const [found] = await db()
    .select({ role: clubInvitations.role, club: clubs.name, locale: users.locale })
    .from(clubInvitations)
    .innerJoin(clubs, eq(clubs.id, clubInvitations.clubId))
    .leftJoin(users, eq(sql`lower(${users.email})`, clubInvitations.email))
    .where(
      sql`${clubInvitations.id}::text = ${String(row.payload.invitationId ?? "")} and ${clubInvitations.acceptedAt} is null and ${clubInvitations.expiresAt} > now()`,
    );
  if (!found || !token) return null;
  return written(localeOr(found.locale), (t) => ({
    subject: t("organise.mail.inviteSubject", { club: found.club }),
    lines: [
      t("organise.mail.inviteBody", { club: found.club, role: t(`organise.roles.${found.role}`) }),
      appLink(`/invitations/${token}`),
      t("organise.mail.inviteExpiry"),
    ],
  }));
}

/** The sign-in link's mail: one button; the link itself comes in the job, never from the row. */
export async function composeSignIn(row: MailRow, link: string | undefined): Promise<Composed> {
  if (!link) return null;
  const t = translatorFor(localeOr(String(row.payload.locale ?? "")));
  const subject = t("mail.signIn.subject");
  const text = `${t("mail.signIn.intro")}\n\n${link}\n\n${t("mail.signIn.expiry", { minutes: 10 })}\n${t("mail.signIn.ignore")}`;
  const html = `<p>${escapeHtml(t("mail.signIn.intro"))}</p>
<p><a href="${escapeHtml(link)}" style="display:inline-block;padding:12px 20px;background:#0b57d0;color:#fff;border-radius:8px;text-decoration:none">${escapeHtml(t("mail.signIn.button"))}</a></p>
<p>${escapeHtml(t("mail.signIn.expiry", { minutes: 10 }))}<br>${escapeHtml(t("mail.signIn.ignore"))}</p>`;
  return { subject, text, html, links: [link] };
}
