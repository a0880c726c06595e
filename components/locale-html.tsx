"use client";

import { useParams } from "next/navigation";
import type { ReactNode } from "react";
import { isLocale } from "@/lib/locale";

/**
 * `<html lang>`: the visitor's language from the request, except on pages cached per language
 * (their route names the language, e.g. /events/{slug}/in/de), which are rendered without
 * reading the request at all and so must take it from the route.
 */
export function LocaleHtml({ fallbackLocale, className, children }: { fallbackLocale: string; className: string; children: ReactNode }) {
  const params = useParams<{ locale?: string }>();
  const lang = isLocale(params?.locale) ? params.locale : fallbackLocale;
  return (
    <html lang={lang} className={className}>
      {children}
    </html>
  );
}
