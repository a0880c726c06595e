import { notFound } from "next/navigation";
import { PublicSiteHeader } from "@/components/public-site-header";
import { isLocale } from "@/lib/locale";
import { headerActions } from "../../../../_components/header-actions";

// The header of the cached event page: rendered once per language, like the page itself.
export const dynamic = "force-static";

export async function generateStaticParams() {
  return [];
}

export default async function CachedEventHeader({ params }: { params: Promise<{ slug: string; locale: string }> }) {
  const { slug, locale } = await params;
  if (!isLocale(locale)) notFound();
  // The visitor's address is /events/{slug} (proxy.ts rewrites it here); the query string, which
  // a page shared by everybody cannot know, is added in the browser (AccountNav).
  return <PublicSiteHeader locale={locale} here={`/events/${encodeURIComponent(slug)}`} actions={headerActions} />;
}
