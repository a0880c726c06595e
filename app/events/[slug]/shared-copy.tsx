import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { isLocale } from "@/lib/locale";
import { EventView } from "./_components/event-view";
import { getPublicEventIfListed } from "./event-data";
import { eventMetadata } from "./event-metadata";

// One copy of the public event page, rendered once per event and language and served from Next's
// cache to everybody until revalidateTag(`event:{slug}`) marks it stale (app/events/revalidate.ts).
// English is served at /events/{slug} itself, German at /events/{slug}/in/de (next.config.js).
// A draft's or made-up slug's "not found" is kept by Next for its path (in memory; publishing
// expires it) and sent as private (server/requests.ts), so no CDN keeps it.

export async function sharedCopyMetadata(slug: string, locale: string): Promise<Metadata> {
  if (!isLocale(locale)) return {};
  return eventMetadata(await getPublicEventIfListed(slug), locale);
}

export async function SharedCopy({ slug, locale }: { slug: string; locale: string }) {
  if (!isLocale(locale)) notFound();
  const data = await getPublicEventIfListed(slug);
  if (!data) notFound();
  return <EventView data={data} locale={locale} />;
}
