import { notFound } from "next/navigation";
import { PublicSiteHeader } from "@/components/public-site-header";
import { isLocale } from "@/lib/locale";
import { headerActions } from "../../_components/header-actions";

/**
 * The header of the cached event page: rendered once per language, like the page itself. The
 * visitor's address is /events/{slug} whichever copy answers it; the query string, which a page
 * shared by everybody cannot know, is added in the browser (AccountNav).
 */
export function CachedEventHeader({ slug, locale }: { slug: string; locale: string }) {
  if (!isLocale(locale)) notFound();
  return <PublicSiteHeader locale={locale} here={`/events/${encodeURIComponent(slug)}`} actions={headerActions} />;
}
