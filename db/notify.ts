import "server-only";
import { env } from "@/env";
import { translatorFor } from "@/i18n/messages";
import { isLocale, type Locale } from "@/lib/locale";
import { escapeHtml } from "@/lib/mail-links";
import { deliverMail } from "./mail";

type Recipient = { email: string; locale: string | null; name?: string | null };
type Translator = ReturnType<typeof translatorFor>;

const localeOf = (r: Recipient): Locale => (isLocale(r.locale) ? r.locale : "en");

function paragraphs(lines: string[]): string {
  return lines.map((l) => `<p>${escapeHtml(l).replace(/(https?:\/\/\S+)/g, '<a href="$1">$1</a>')}</p>`).join("\n");
}

/** Sends one message per recipient, each in the recipient's language. */
export async function mailEach(recipients: Recipient[], compose: (t: Translator, r: Recipient) => { subject: string; lines: string[] }) {
  for (const r of recipients) {
    const { subject, lines } = compose(translatorFor(localeOf(r)), r);
    await deliverMail({ to: r.email, subject, text: lines.join("\n\n"), html: paragraphs(lines) });
  }
}

export function appLink(path: string): string {
  return `${env().appUrl}${path}`;
}
