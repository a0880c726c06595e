"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import type { RosterQuery } from "@/lib/roster/query";
import { formatClock, formatMoment, timeRange } from "@/lib/time";
import { useRoster } from "./use-roster";
import { rosterHref } from "./roster-queries";

const cell = "border-b border-line px-2 py-1 align-middle";

/** Per session: confirmed / capacity and the waiting list, kept live; each links to its filtered roster. */
export function SessionCounts({ slug, query, csvBase }: { slug: string; query: RosterQuery; csvBase: string | null }) {
  const t = useTranslations("roster");
  const { data } = useRoster(slug, query);
  if (!data) return null;
  return (
    <section aria-labelledby="roster-sessions" className="flex flex-col gap-2">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="roster-sessions" className="text-lg font-bold">
          {t("sessions")}
        </h2>
        <p className="text-sm font-semibold text-muted" data-testid="roster-checked-in">
          {t("checkedInCount", { count: data.checkedIn, total: data.active })}
        </p>
      </div>
      <table
        className="w-full border-separate border-spacing-0 overflow-hidden rounded-lg border border-line bg-white text-base"
        aria-labelledby="roster-sessions"
      >
        <thead className="bg-slate-100 text-left text-sm">
          <tr>
            <th scope="col" className={cell}>
              {t("sessionColumns.session")}
            </th>
            <th scope="col" className={`${cell} text-right`}>
              {t("sessionColumns.confirmed")}
            </th>
            <th scope="col" className={`${cell} text-right`}>
              {t("sessionColumns.waiting")}
            </th>
            {csvBase ? (
              <th scope="col" className={`${cell} text-right`}>
                {t("sessionColumns.export")}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {data.sessions.map((s) => (
            <tr key={s.id} data-testid="roster-session" className={query.session === s.id ? "bg-accent-soft" : ""}>
              <th scope="row" className={`${cell} text-left font-normal`}>
                <Link
                  href={rosterHref(slug, query, { session: s.id, page: 1 })}
                  className="inline-flex min-h-11 items-center font-semibold text-accent underline underline-offset-4"
                  aria-label={t("showSession", { session: s.name })}
                >
                  {s.name}
                </Link>
                <span className="block text-xs text-muted tabular-nums">
                  {/* A narrow column breaks after the date, never inside "09:00–12:30". */}
                  {timeRange(formatMoment(new Date(s.startsAt)), formatClock(new Date(s.endsAt)))}
                </span>
              </th>
              <td
                className={`${cell} text-right font-bold whitespace-nowrap tabular-nums ${s.confirmed + s.offered >= s.capacity ? "text-danger" : "text-success"}`}
              >
                {t("sessionCount", { confirmed: s.confirmed, capacity: s.capacity })}
                {/* A place offered to a waiting car is taken until the offer is answered or expires. */}
                {s.offered > 0 ? (
                  <span className="block text-sm font-normal text-muted">
                    {t("sessionOffered", { count: s.offered })}
                  </span>
                ) : null}
              </td>
              <td className={`${cell} text-right tabular-nums`}>{s.waiting}</td>
              {csvBase ? (
                <td className={`${cell} text-right`}>
                  <a
                    href={`${csvBase}?session=${s.id}`}
                    download
                    className="inline-flex min-h-11 min-w-11 items-center justify-end font-semibold text-accent underline underline-offset-4"
                    aria-label={t("exportSession", { session: s.name })}
                  >
                    CSV
                  </a>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
