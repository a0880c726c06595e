import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale } from "next-intl/server";
import type { Locale } from "@/lib/locale";
import { EventView } from "../_components/event-view";
import { getPublicEventIfListed } from "../event-data";
import { eventMetadata } from "../event-metadata";

// The event page rendered per request, in the language of the request. proxy.ts rewrites here
// what the cached copies must not answer: a POST to /events/{slug} (a server action such as the
// language switch, whose answer must follow the cookie it just set) and a path that is no slug.
type Params = Promise<{ slug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const [{ slug }, locale] = await Promise.all([params, getLocale()]);
  return eventMetadata(await getPublicEventIfListed(slug), locale as Locale);
}

export default async function EventPage({ params }: { params: Params }) {
  const [{ slug }, locale] = await Promise.all([params, getLocale()]);
  const data = await getPublicEventIfListed(slug);
  if (!data) notFound();
  return <EventView data={data} locale={locale as Locale} />;
}
