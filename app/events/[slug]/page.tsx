import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale } from "next-intl/server";
import type { Locale } from "@/lib/locale";
import { EventView } from "./_components/event-view";
import { getPublicEventIfListed } from "./event-data";
import { eventMetadata } from "./event-metadata";

// Reached when neither next.config.js nor proxy.ts sends a request to the cached copy (in/[locale]): server actions
// such as the language switch post here, and the answer must follow the cookie they just set;
// and a slug the proxy's matcher takes (a language it ranks, or no slug), answered per request.
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
