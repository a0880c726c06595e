import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale } from "next-intl/server";
import type { Locale } from "@/lib/locale";
import { EventView } from "./_components/event-view";
import { isPublicEvent } from "@/db/event-changes";
import { getCachedPublicEvent } from "./event-data";
import { eventMetadata } from "./event-metadata";

// Reached when proxy.ts does not send a request to the cached copy (in/[locale]): server actions
// such as the language switch post here, and the answer must follow the cookie they just set;
// and a slug that is not public, whose "not found" is answered per request and never cached.
type Params = Promise<{ slug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const [{ slug }, locale] = await Promise.all([params, getLocale()]);
  return eventMetadata(await getCachedPublicEvent(slug), locale as Locale);
}

export default async function EventPage({ params }: { params: Params }) {
  const [{ slug }, locale] = await Promise.all([params, getLocale()]);
  // Asked first, uncached: a made-up slug must not leave a "not found" entry in the data cache.
  const data = (await isPublicEvent(slug)) ? await getCachedPublicEvent(slug) : null;
  if (!data) notFound();
  return <EventView data={data} locale={locale as Locale} />;
}
