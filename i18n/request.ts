import { getRequestConfig } from "next-intl/server";
import { cookies, headers } from "next/headers";
import { isLocale, LOCALE_COOKIE, resolveLocale } from "@/lib/locale";
import { messagesFor } from "./messages";

// No locale in the URL: the language switch's cookie wins, else the browser's Accept-Language.
// A caller may name the locale (getTranslations({ locale })): the cached event pages, rendered once
// per language for everybody, do, and must not read the request at all.
export default getRequestConfig(async ({ locale: requested }) => {
  const locale = isLocale(requested)
    ? requested
    : resolveLocale((await cookies()).get(LOCALE_COOKIE)?.value, (await headers()).get("accept-language"));
  return { locale, messages: messagesFor(locale), timeZone: "Europe/Berlin" };
});
