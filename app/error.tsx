"use client";

import { useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";
import { isLocale, type Locale } from "@/lib/locale";
import de from "@/messages/de/error-page.json";
import en from "@/messages/en/error-page.json";

// The root layout gives the browser no message catalogue (see i18n/client-namespaces.ts), so the
// one boundary that may show anywhere carries its three sentences in both languages and reads
// the page's language from <html lang>.
const text: Record<Locale, typeof en.errorPage> = { en: en.errorPage, de: de.errorPage };

function pageLanguage(): Locale {
  const lang = document.documentElement.lang;
  return isLocale(lang) ? lang : "en";
}

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t =
    text[
      useSyncExternalStore(
        () => () => {},
        pageLanguage,
        () => "en" as const,
      )
    ];
  return (
    <div className="py-10" role="alert">
      <h1 className="text-2xl font-bold">{t.title}</h1>
      <p className="mt-2 text-base text-muted">{t.body}</p>
      <Button className="mt-4" onClick={() => reset()}>
        {t.retry}
      </Button>
    </div>
  );
}
