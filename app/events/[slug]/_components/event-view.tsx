import type { ReactNode } from "react";
import { formatWhen } from "@/lib/time";
import { getFormatter, getTranslations } from "next-intl/server";
import { liveCountsFrom } from "@/app/events/live-counts";
import { calendarDay } from "@/components/event-dates";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import type { PublicEvent } from "@/db/events";
import { clashingPairs } from "@/lib/clash";
import { countText } from "@/lib/count-text";
import { countryName } from "@/lib/countries";
import type { Locale } from "@/lib/locale";
import { groupByDay } from "@/lib/programme";
import { CountsProvider } from "./counts-provider";
import { COUNTS_POLL_MS } from "./event-queries";
import { CarsRegistered, ColourCounts, CountryCounts } from "./live-counts";
import { ProgrammeDay, type ProgrammeSession } from "./programme-day";

/** Each session with the names of the sessions it overlaps ("clash"): shown in the programme. */
function withClashes(sessions: PublicEvent["sessions"]): ProgrammeSession[] {
  const clashes = sessions.map(() => [] as string[]);
  for (const [i, j] of clashingPairs(sessions)) {
    clashes[i]!.push(sessions[j]!.name);
    clashes[j]!.push(sessions[i]!.name);
  }
  return sessions.map((s, i) => ({ ...s, clashesWith: clashes[i]! }));
}

type Translator = Awaited<ReturnType<typeof getTranslations<"event">>>;
type PageTranslator = Awaited<ReturnType<typeof getTranslations<"eventPage">>>;

function Summary({
  event,
  t,
  tp,
  dates,
  ballot,
}: {
  event: PublicEvent["event"];
  t: Translator;
  tp: PageTranslator;
  dates: string;
  ballot: ReactNode;
}) {
  return (
    <header className="flex flex-col gap-2">
      <h1 className="text-3xl font-extrabold tracking-tight">{event.name}</h1>
      <p className="text-lg">{dates}</p>
      <p className="text-base text-muted">{event.venue}</p>
      {event.status === "cancelled" ? <Notice tone="danger">{tp("cancelled")}</Notice> : null}
      {event.status === "finished" ? <Notice>{tp("finished")}</Notice> : null}
      {ballot}
      <CarsRegistered text={countText((count) => t("carsRegistered", { count }))} />
      <div className="flex flex-wrap items-center gap-3">
        {event.status === "published" ? (
          // A plain link: the cached page's root layout must not outlive it (see LocaleHtml).
          <a href={`/events/${event.slug}/register`} className={buttonClass("primary")}>
            {t("register")}
          </a>
        ) : null}
        <a href={`/events/${event.slug}/calendar.ics`} className={buttonClass("secondary")} download>
          {tp("addToCalendar")}
        </a>
      </div>
    </header>
  );
}

/**
 * The public event page, the same for every visitor of one language: no session, cookie or
 * header is read here, so the cached route can serve it to everybody. The counts are rendered
 * with the page, so the first paint is complete without JavaScript, and then kept live by
 * CountsProvider (not TanStack Query: see counts-provider.tsx).
 */
export async function EventView({ data, locale }: { data: PublicEvent; locale: Locale }) {
  const { event, sessions } = data;
  const [t, tp, tl, format] = await Promise.all([
    getTranslations({ locale, namespace: "event" }),
    getTranslations({ locale, namespace: "eventPage" }),
    getTranslations({ locale, namespace: "lottery" }),
    getFormatter({ locale }),
  ]);
  const ballot =
    event.allocation === "lottery" ? (
      <Notice>
        {tl("ballot", { closes: formatWhen(event.registrationClosesAt, locale) })}{" "}
        <a href={`/events/${event.slug}/draw`} className="font-semibold text-accent underline underline-offset-4">
          {tl("drawLink")}
        </a>
      </Notice>
    ) : null;
  const counts = liveCountsFrom(data);
  const countryNames = Object.fromEntries(
    counts.countries.map(({ country }) => [country, countryName(country, locale)]),
  );
  const dates = format.dateTimeRange(calendarDay(event.startsOn), calendarDay(event.endsOn), {
    dateStyle: "full",
    timeZone: "UTC",
  });
  return (
    <CountsProvider slug={event.slug} initial={counts} pollMs={COUNTS_POLL_MS}>
      <article className="flex flex-col gap-5">
        <Summary event={event} t={t} tp={tp} dates={dates} ballot={ballot} />
        {event.description ? <p className="whitespace-pre-line text-base">{event.description}</p> : null}
        <section aria-labelledby="programme" className="flex flex-col gap-3">
          <h2 id="programme" className="text-2xl font-bold">
            {t("programme")}
          </h2>
          {groupByDay(withClashes(sessions), event.timeZone).map(({ day, sessions: list }) => (
            <ProgrammeDay key={day} day={day} sessions={list} timeZone={event.timeZone} locale={locale} />
          ))}
        </section>
        <div className="grid gap-4 sm:grid-cols-2">
          <Card>
            <h2 className="mb-3 text-xl font-bold">{t("colours")}</h2>
            <ColourCounts label={t("colours")} noCars={tp("noCars")} />
          </Card>
          <Card>
            <h2 className="mb-3 text-xl font-bold">{t("countries")}</h2>
            <CountryCounts label={t("countries")} names={countryNames} noCars={tp("noCars")} />
          </Card>
        </div>
      </article>
    </CountsProvider>
  );
}
