import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { isPublicEvent } from "@/db/event-changes";
import { isLocale } from "@/lib/locale";
import { isSlug } from "@/lib/slug";
import { EventView } from "../../_components/event-view";
import { getCachedPublicEvent } from "../../event-data";
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

// Asked uncached, before the data cache: every /events/{slug} that looks like a slug comes here,
// and a made-up or draft one must not leave a "not found" entry in it. Its "not found" page is
// kept by Next for this path (in memory; publishing expires it, app/events/revalidate.ts) and
// sent as private (server/requests.ts), so no CDN keeps it.
const publicEvent = cache(async (slug: string, locale: string) =>
  isLocale(locale) && isSlug(slug) && (await isPublicEvent(slug)) ? getCachedPublicEvent(slug) : null,
);

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { slug, locale } = await params;
  if (!isLocale(locale)) return {};
  return eventMetadata(await publicEvent(slug, locale), locale);
}

export default async function CachedEventPage({ params }: { params: Params }) {
  const { slug, locale } = await params;
  const data = await publicEvent(slug, locale);
  if (!data || !isLocale(locale)) notFound();
  return <EventView data={data} locale={locale} />;
}
