"use client";

import { useParams, useRouter } from "next/navigation";
import { useEffect, useRef, type ReactNode } from "react";
import { isLocale } from "@/lib/locale";

/**
 * `<html lang>`: the visitor's language from the request, except on pages cached per language
 * (their route names the language, e.g. /events/{slug}/in/de), which are rendered without
 * reading the request at all and so must take it from the route.
 */
export function LocaleHtml({
  fallbackLocale,
  className,
  children,
}: {
  fallbackLocale: string;
  className: string;
  children: ReactNode;
}) {
  const params = useParams<{ locale?: string }>();
  const cached = isLocale(params?.locale);
  useRefreshRootAfterCachedPage(cached);
  return (
    <html lang={cached ? params.locale : fallbackLocale} className={className}>
      {children}
    </html>
  );
}

/**
 * A soft navigation keeps the root layout. After a cached page that root layout may have been
 * rendered without the request (English, whatever the visitor reads), so leaving such a page
 * refreshes once: the root layout is rendered again with the visitor's language.
 */
function useRefreshRootAfterCachedPage(cached: boolean): void {
  const router = useRouter();
  const wasCached = useRef(cached);
  useEffect(() => {
    if (wasCached.current && !cached) router.refresh();
    wasCached.current = cached;
  }, [cached, router]);
}
