import { CachedEventHeader } from "./cached-header";

// The header of the cached event page in English (app/events/[slug]/page.tsx).
export const dynamic = "force-static";

export async function generateStaticParams() {
  return [];
}

export default async function EnglishEventHeader({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return <CachedEventHeader slug={slug} locale="en" />;
}
