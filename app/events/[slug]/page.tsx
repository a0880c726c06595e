import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ColourBreakdown } from "@/components/colour-breakdown";
import { calendarDay } from "@/components/event-dates";
import { ProgrammeDay } from "@/components/programme-day";
import { getPublicEvent } from "@/db/events";
import { groupByDay } from "@/lib/programme";

type Params = Promise<{ slug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const data = await getPublicEvent((await params).slug);
  if (!data) return {};
  const { event } = data;
  const description = `${event.venue} · ${event.startsOn} – ${event.endsOn}`;
  return { title: event.name, description, openGraph: { title: event.name, description, type: "website" } };
}

export default async function EventPage({ params }: { params: Params }) {
  const data = await getPublicEvent((await params).slug);
  if (!data) notFound();
  const [t, format] = await Promise.all([getTranslations("event"), getFormatter()]);
  const { event, sessions, carsRegistered, colours, countries } = data;
  return (
    <article className="flex flex-col gap-5">
      <header className="flex flex-col gap-2">
        <h1 className="text-3xl font-extrabold tracking-tight">{event.name}</h1>
        <p className="text-lg">
          {format.dateTimeRange(calendarDay(event.startsOn), calendarDay(event.endsOn), { dateStyle: "full", timeZone: "UTC" })}
        </p>
        <p className="text-base text-muted">{event.venue}</p>
        <p className="text-lg font-semibold" data-testid="cars-registered">
          {t("carsRegistered", { count: carsRegistered })}
        </p>
        {event.status === "published" ? (
          <Link href={`/events/${event.slug}/register`} className={buttonClass("primary", "self-start")}>
            {t("register")}
          </Link>
        ) : null}
      </header>
      {event.description ? <p className="whitespace-pre-line text-base">{event.description}</p> : null}
      <section aria-labelledby="programme" className="flex flex-col gap-3">
        <h2 id="programme" className="text-2xl font-bold">{t("programme")}</h2>
        {groupByDay(sessions, event.timeZone).map(({ day, sessions: list }) => (
          <ProgrammeDay key={day} day={day} sessions={list} timeZone={event.timeZone} />
        ))}
      </section>
      <div className="grid gap-4 sm:grid-cols-2">
        <Card>
          <h2 className="mb-3 text-xl font-bold">{t("colours")}</h2>
          <ColourBreakdown rows={colours} label={t("colours")} />
        </Card>
        <Card>
          <h2 className="mb-3 text-xl font-bold">{t("countries")}</h2>
          <ul className="flex flex-col gap-2">
            {countries.map((c) => (
              <li key={c.country} className="flex justify-between text-base">
                <span>{c.country}</span>
                <span className="font-semibold tabular-nums">{c.cars}</span>
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </article>
  );
}
