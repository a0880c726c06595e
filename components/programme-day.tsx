import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { calendarDay } from "@/components/event-dates";
import type { SessionWithCounts } from "@/db/events";
import { placesLeft } from "@/lib/programme";
import { formatClock } from "@/lib/time";

export async function ProgrammeDay({ day, sessions, timeZone }: { day: string; sessions: SessionWithCounts[]; timeZone: string }) {
  const [t, format] = await Promise.all([getTranslations("event"), getFormatter()]);
  return (
    <Card>
      <h3 className="mb-2 text-lg font-bold">{format.dateTime(calendarDay(day), { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" })}</h3>
      <ul className="divide-y divide-line">
        {sessions.map((s) => {
          const left = placesLeft(s);
          return (
            <li key={s.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-3">
              <div className="min-w-0 flex-1">
                <p className="text-base font-semibold">{s.name}</p>
                <p className="text-base tabular-nums text-muted">
                  <time dateTime={s.startsAt.toISOString()}>{formatClock(s.startsAt, timeZone)}</time>–<time dateTime={s.endsAt.toISOString()}>{formatClock(s.endsAt, timeZone)}</time>
                  {" · "}
                  {t("capacity", { count: s.capacity })}
                </p>
              </div>
              <p className={`text-base font-bold ${left === 0 ? "text-danger" : "text-success"}`}>
                {left === 0 ? t("full") : t("placesLeft", { count: left })}
              </p>
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
