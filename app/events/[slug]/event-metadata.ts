import "server-only";
import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { calendarDay } from "@/components/event-dates";
import type { PublicEvent } from "@/db/events";
import { env } from "@/env";
import type { Locale } from "@/lib/locale";

/** Title, description (dates and venue) and Open Graph / Twitter tags, so a shared link shows the meet. */
export async function eventMetadata(data: PublicEvent | null, locale: Locale): Promise<Metadata> {
  if (!data) return {};
  const { event } = data;
  const [t, format] = await Promise.all([
    getTranslations({ locale, namespace: "eventPage" }),
    getFormatter({ locale }),
  ]);
  const dates = format.dateTimeRange(calendarDay(event.startsOn), calendarDay(event.endsOn), {
    dateStyle: "long",
    timeZone: "UTC",
  });
  const description = t("metaDescription", { dates, venue: event.venue });
  const url = `/events/${event.slug}`;
  return {
    metadataBase: new URL(env().appUrl),
    title: event.name,
    description,
    alternates: { canonical: url },
    openGraph: {
      title: event.name,
      description,
      type: "website",
      url,
      siteName: "Ringmeet",
      locale: locale === "de" ? "de_DE" : "en_GB",
    },
    twitter: { card: "summary", title: event.name, description },
  };
}
