import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { isLocale } from "@/lib/locale";
import { EventView } from "../../_components/event-view";
import { getPublicEventIfListed } from "../../event-data";
import { eventMetadata } from "../../event-metadata";

// The cached public event page: next.config.js (or proxy.ts) rewrites GET /events/{slug} here with
// the visitor's language, so Next renders it once per event and language and serves that copy to
// everybody until revalidateTag(`event:{slug}`) marks it stale (see app/events/revalidate.ts).
export const dynamic = "force-static";
export const revalidate = 3600;

// Nothing is built ahead: each event and language is rendered on its first request, then cached.
export async function generateStaticParams() {
  return [];
}

type Params = Promise<{ slug: string; locale: string }>;

// A draft's or made-up slug's "not found" is kept by Next for this path (in memory; publishing
// expires it, app/events/revalidate.ts) and sent as private (server/requests.ts), so no CDN keeps it.

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { slug, locale } = await params;
  if (!isLocale(locale)) return {};
  return eventMetadata(await getPublicEventIfListed(slug), locale);
}

export default async function CachedEventPage({ params }: { params: Params }) {
  const { slug, locale } = await params;
  if (!isLocale(locale)) notFound();
  const data = await getPublicEventIfListed(slug);
  if (!data) notFound();
  return <EventView data={data} locale={locale} />;
}
