import "server-only";
import { eq } from "drizzle-orm";
import { env } from "@/env";
import { translatorFor } from "@/i18n/messages";
import { isLocale, type Locale } from "@/lib/locale";
import { composeMail, type MailLine } from "@/lib/mail-links";
import { db } from "../client";
import { users, type MailRow } from "../schema";

export type Translator = ReturnType<typeof translatorFor>;
/** A mail ready for SMTP but for its address; null when there is nothing to tell any more. */
export type Composed = { subject: string; text: string; html: string; links: string[] } | null;
export type Composer = (row: MailRow, secret: string | undefined) => Promise<Composed>;

export const localeOr = (locale: string | null | undefined, fallback: Locale = "en"): Locale =>
  isLocale(locale) ? locale : fallback;

/** The recipient's language: their account's, else English. */
export async function localeOf(userId: string | null): Promise<Locale> {
  if (!userId) return "en";
  const [user] = await db().select({ locale: users.locale }).from(users).where(eq(users.id, userId));
  return localeOr(user?.locale);
}

/** Subject and lines in `locale`, turned into text and HTML (only our own link lines become links). */
export function written(locale: Locale, write: (t: Translator) => { subject: string; lines: MailLine[] }): Composed {
  const { subject, lines } = write(translatorFor(locale));
  return { subject, ...composeMail(lines) };
}

/** A link into the app, the only kind of line a mail shows as a link. */
export function appLink(path: string): { link: string } {
  return { link: `${env().appUrl}${path}` };
}
