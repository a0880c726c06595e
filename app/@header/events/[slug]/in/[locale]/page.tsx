import { CachedEventHeader } from "../../cached-header";

// The header of the cached event page in German (app/events/[slug]/in/[locale]).
export const dynamic = "force-static";

export async function generateStaticParams() {
  return [];
}

export default async function GermanEventHeader({ params }: { params: Promise<{ slug: string; locale: string }> }) {
  const { slug, locale } = await params;
  return <CachedEventHeader slug={slug} locale={locale} />;
}
