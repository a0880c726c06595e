import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { calendarDay } from "@/components/event-dates";
import type { SessionWithCounts } from "@/db/events";
import type { Locale } from "@/lib/locale";
import { countText } from "@/lib/count-text";
import { formatClock } from "@/lib/time";
import { PlacesLeft, type PlacesLeftText } from "./live-counts";

export type ProgrammeSession = SessionWithCounts & { clashesWith: string[] };

/**
 * One day of an event's programme. The locale is explicit because the public event page is
 * rendered once per language and cached, not per request; places left come live from the counts.
 */
export async function ProgrammeDay({
  day,
  sessions,
  timeZone,
  locale,
}: {
  day: string;
  sessions: ProgrammeSession[];
  timeZone: string;
  locale: Locale;
}) {
  const [t, tp, format] = await Promise.all([
    getTranslations({ locale, namespace: "event" }),
    getTranslations({ locale, namespace: "eventPage" }),
    getFormatter({ locale }),
  ]);
  const placesLeft: PlacesLeftText = { placesLeft: countText((count) => t("placesLeft", { count })), full: t("full") };
  return (
    <Card>
      <h3 className="mb-2 text-lg font-bold">
        {format.dateTime(calendarDay(day), { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" })}
      </h3>
      <ul className="divide-y divide-line">
        {sessions.map((s) => (
          <li
            key={s.id}
            className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-3"
            data-session-id={s.id}
          >
            <div className="min-w-0 flex-1">
              <p className="text-base font-semibold">{s.name}</p>
              <p className="text-base tabular-nums text-muted">
                <span className="whitespace-nowrap">
                  <time dateTime={s.startsAt.toISOString()}>{formatClock(s.startsAt, timeZone)}</time>–
                  <time dateTime={s.endsAt.toISOString()}>{formatClock(s.endsAt, timeZone)}</time>
                </span>
                {" · "}
                {t("capacity", { count: s.capacity })}
                {s.noiseLimitDb ? ` · ${tp("noiseLimit", { db: s.noiseLimitDb })}` : null}
              </p>
              {s.clashesWith.length > 0 ? (
                <p className="text-sm font-semibold text-danger">
                  {tp("clash", { sessions: format.list(s.clashesWith, { type: "conjunction" }) })}
                </p>
              ) : null}
            </div>
            <PlacesLeft sessionId={s.id} text={placesLeft} />
          </li>
        ))}
      </ul>
    </Card>
  );
}
