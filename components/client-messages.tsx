import { NextIntlClientProvider } from "next-intl";
import { getLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { CLIENT_NAMESPACES, pickMessages, type ClientArea } from "@/i18n/client-namespaces";
import { messagesFor } from "@/i18n/messages";
import type { Locale } from "@/lib/locale";

/** The messages an area's client components use (i18n/client-namespaces.ts), and no others. */
export async function ClientMessages({ area, children }: { area: ClientArea; children: ReactNode }) {
  const locale = (await getLocale()) as Locale;
  return (
    <NextIntlClientProvider messages={pickMessages(messagesFor(locale), CLIENT_NAMESPACES[area])}>
      {children}
    </NextIntlClientProvider>
  );
}
