import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale } from "next-intl/server";
import type { Locale } from "@/lib/locale";
import { EventView } from "./_components/event-view";
import { getCachedPublicEvent } from "./event-data";
import { eventMetadata } from "./event-metadata";

// Reached when proxy.ts does not send a request to the cached copy (in/[locale]): server actions
// such as the language switch post here, and the answer must follow the cookie they just set.
type Params = Promise<{ slug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const [{ slug }, locale] = await Promise.all([params, getLocale()]);
  return eventMetadata(await getCachedPublicEvent(slug), locale as Locale);
}

export default async function EventPage({ params }: { params: Params }) {
  const [{ slug }, locale] = await Promise.all([params, getLocale()]);
  const data = await getCachedPublicEvent(slug);
  if (!data) notFound();
  return <EventView data={data} locale={locale as Locale} />;
}
