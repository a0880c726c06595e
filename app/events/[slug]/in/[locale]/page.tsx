import type { Metadata } from "next";
import { sharedCopyMetadata, SharedCopy } from "../../shared-copy";

// The cached public event page in another language than English: next.config.js (or proxy.ts)
// rewrites GET /events/{slug} here when the visitor reads German (see ../../shared-copy.tsx).
export const dynamic = "force-static";
export const revalidate = 3600;

// Nothing is built ahead: each event and language is rendered on its first request, then cached.
export async function generateStaticParams() {
  return [];
}

type Params = Promise<{ slug: string; locale: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { slug, locale } = await params;
  return sharedCopyMetadata(slug, locale);
}

export default async function CachedEventPage({ params }: { params: Params }) {
  const { slug, locale } = await params;
  return <SharedCopy slug={slug} locale={locale} />;
}
