import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/locale";
import de from "@/messages/de.json";
import en from "@/messages/en.json";

export type Messages = typeof en;
const catalogues: Record<Locale, Messages> = { en, de };

export function messagesFor(locale: Locale): Messages {
  return catalogues[locale];
}

/** A translator for code outside a React render (e-mails, route handlers). */
export function translatorFor(locale: Locale) {
  return createTranslator({ locale, messages: messagesFor(locale) });
}
