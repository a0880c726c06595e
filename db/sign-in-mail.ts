import "server-only";
import { env } from "@/env";
import { translatorFor } from "@/i18n/messages";
import { escapeHtml } from "@/lib/mail-links";
import { LOCALE_COOKIE, resolveLocale } from "@/lib/locale";
import { deliverMail } from "./mail";

/**
 * Mails the sign-in link. The link opens our confirmation page rather than Auth.js's callback,
 * so a mail scanner that fetches it neither uses up the token nor signs anyone in.
 */
export async function sendSignInLink(input: { to: string; authUrl: string; request: Request }) {
  const cookie = input.request.headers.get("cookie") ?? "";
  const localeCookie = cookie.match(new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([^;]+)`))?.[1];
  const locale = resolveLocale(localeCookie, input.request.headers.get("accept-language"));
  const t = translatorFor(locale);
  const params = new URL(input.authUrl).searchParams;
  // Auth.js hands over an absolute callbackUrl; the confirmation page accepts only a path on this site.
  const callback = params.get("callbackUrl");
  if (callback) {
    const target = new URL(callback, env().appUrl);
    params.set("callbackUrl", target.origin === new URL(env().appUrl).origin ? `${target.pathname}${target.search}${target.hash}` : "/");
  }
  const link = `${env().appUrl}/signin/confirm?${params}`;
  const subject = t("mail.signIn.subject");
  const text = `${t("mail.signIn.intro")}\n\n${link}\n\n${t("mail.signIn.expiry", { minutes: 10 })}\n${t("mail.signIn.ignore")}`;
  const html = `<p>${escapeHtml(t("mail.signIn.intro"))}</p>
<p><a href="${escapeHtml(link)}" style="display:inline-block;padding:12px 20px;background:#0b57d0;color:#fff;border-radius:8px;text-decoration:none">${escapeHtml(t("mail.signIn.button"))}</a></p>
<p>${escapeHtml(t("mail.signIn.expiry", { minutes: 10 }))}<br>${escapeHtml(t("mail.signIn.ignore"))}</p>`;
  await deliverMail({ to: input.to, subject, text, html, links: [link] });
}
