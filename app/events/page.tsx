import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { SearchRow } from "@/components/ui/search-row";
import { PageHeader } from "@/components/ui/page-header";
import { listUpcomingEvents } from "@/db/event-list";
import { env } from "@/env";
import { eventsListPath, eventsListSchema } from "@/lib/events-list";
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

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Upcoming events, soonest first, in pages of a thousand, with a search that works without JavaScript. */
export default async function EventsPage({ searchParams }: Props) {
  const query = eventsListSchema.parse(await searchParams);
  const [t, format, page] = await Promise.all([
    getTranslations("events"),
    getFormatter(),
    listUpcomingEvents(dayKey(new Date()), query),
  ]);
  const { events, more } = page;
  const searched = query.q !== "" || query.after !== null;
  return (
    <div className="flex flex-col gap-4">
      <PageHeader title={t("title")} />
      {events.length > 0 || searched ? <EventSearch q={query.q} /> : null}
      {events.length === 0 ? (
        <p className="text-base text-muted">{query.q ? t("noMatch", { query: query.q }) : t("none")}</p>
      ) : null}
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
                <p className="text-base text-muted">
                  {event.venue} · {event.clubName}
                </p>
              </Card>
            </Link>
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-x-6">
        {searched ? (
          <Link href="/events" className={LINK}>
            {t("allEvents")}
          </Link>
        ) : null}
        {more ? (
          <Link href={eventsListPath({ q: query.q, after: events.at(-1)!.id })} className={LINK} rel="next">
            {t("later")}
          </Link>
        ) : null}
      </div>
    </div>
  );
}

const LINK = "inline-flex min-h-11 items-center font-semibold text-accent underline underline-offset-4";

/** A GET form: it searches before (and without) JavaScript, and the address keeps the search. */
async function EventSearch({ q }: { q: string }) {
  const t = await getTranslations("events");
  return (
    <form method="get" action="/events" role="search" aria-label={t("search")}>
      <SearchRow id="events-q" label={t("search")} hint={t("searchHint")} q={q} button={t("searchButton")} />
    </form>
  );
}
