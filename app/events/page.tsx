import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { listUpcomingEvents } from "@/db/events";
import { env } from "@/env";
import { dayKey } from "@/lib/time";
import { calendarDay } from "@/components/event-dates";

export async function generateMetadata(): Promise<Metadata> {
  const [t, tp] = await Promise.all([getTranslations("events"), getTranslations("eventPage")]);
  const description = tp("listDescription");
  return {
    metadataBase: new URL(env().appUrl),
    title: t("title"),
    description,
    openGraph: { title: t("title"), description, type: "website", siteName: "Ringmeet", url: "/events" },
    twitter: { card: "summary", title: t("title"), description },
  };
}

export default async function EventsPage() {
  const [t, format, events] = await Promise.all([
    getTranslations("events"),
    getFormatter(),
    listUpcomingEvents(dayKey(new Date())),
  ]);
  return (
    <div>
      <PageHeader title={t("title")} />
      {events.length === 0 ? <p className="text-base text-muted">{t("none")}</p> : null}
      <ul className="grid gap-3 sm:grid-cols-2">
        {events.map((event) => (
          <li key={event.id}>
            <Link href={`/events/${event.slug}`} className="block rounded-xl focus-visible:outline-offset-4">
              <Card className="h-full hover:border-accent">
                <h2 className="text-xl font-bold text-accent">{event.name}</h2>
                <p className="mt-1 text-base">
                  {format.dateTimeRange(calendarDay(event.startsOn), calendarDay(event.endsOn), {
                    dateStyle: "long",
                    timeZone: "UTC",
                  })}
                </p>
                <p className="text-base text-muted">{event.venue}</p>
              </Card>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
