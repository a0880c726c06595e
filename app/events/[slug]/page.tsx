import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale } from "next-intl/server";
import { cache } from "react";
import type { Locale } from "@/lib/locale";
import { EventView } from "./_components/event-view";
import { isPublicEvent } from "@/db/event-changes";
import { getCachedPublicEvent } from "./event-data";
import { eventMetadata } from "./event-metadata";

// Reached when neither next.config.js nor proxy.ts sends a request to the cached copy (in/[locale]): server actions
// such as the language switch post here, and the answer must follow the cookie they just set;
// and a slug that is not public, whose "not found" is answered per request and never cached.
type Params = Promise<{ slug: string }>;

// Asked first, uncached: a made-up slug must not leave a "not found" entry in the data cache.
const publicEvent = cache(async (slug: string) => ((await isPublicEvent(slug)) ? getCachedPublicEvent(slug) : null));

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const [{ slug }, locale] = await Promise.all([params, getLocale()]);
  return eventMetadata(await publicEvent(slug), locale as Locale);
}

export default async function EventPage({ params }: { params: Params }) {
  const [{ slug }, locale] = await Promise.all([params, getLocale()]);
  const data = await publicEvent(slug);
  if (!data) notFound();
  return <EventView data={data} locale={locale as Locale} />;
}
