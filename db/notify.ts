import "server-only";
import { env } from "@/env";
import { translatorFor } from "@/i18n/messages";
import { isLocale, type Locale } from "@/lib/locale";
import { composeMail, type MailLine } from "@/lib/mail-links";
import { deliverMail } from "./mail";

type Recipient = { email: string; locale: string | null; name?: string | null };
type Translator = ReturnType<typeof translatorFor>;

const localeOf = (r: Recipient): Locale => (isLocale(r.locale) ? r.locale : "en");

/** Sends one message per recipient, each in the recipient's language. */
export async function mailEach(recipients: Recipient[], compose: (t: Translator, r: Recipient) => { subject: string; lines: MailLine[] }) {
  for (const r of recipients) {
    const { subject, lines } = compose(translatorFor(localeOf(r)), r);
    await deliverMail({ to: r.email, subject, ...composeMail(lines) });
  }
}

/** A link into the app, the only kind of line a mail shows as a link. */
export function appLink(path: string): { link: string } {
  return { link: `${env().appUrl}${path}` };
}
