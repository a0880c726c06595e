"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import type { RosterRow } from "@/db/roster/reads";
import type { RosterQuery, RosterSort, RosterStatus } from "@/lib/roster/query";
import { formatClock } from "@/lib/time";
import { placeLabel } from "./place-label";
import { useRoster } from "./use-roster";
import { entryPath, rosterHref } from "./roster-queries";
import { Swatch } from "@/components/ui/swatch";

export const BULK_FORM_ID = "roster-bulk";
const COLUMNS = ["plaque", "driver", "car", "colour", "plate", "sessions", "status", "paperwork", "checkedIn"] as const;
const SORTABLE: Partial<Record<(typeof COLUMNS)[number], RosterSort>> = {
  plaque: "plaque",
  driver: "driver",
  car: "car",
  colour: "colour",
  plate: "plate",
  status: "status",
  checkedIn: "checkedIn",
};

// Plaque and driver stay in view while the rest scrolls sideways (a phone shows about three columns).
const stickyPlaque = "sticky left-0 z-10 w-[5rem] min-w-[5rem]";
// 0.1rem of overlap: no sub-pixel gap between the two sticky columns for the scrolled cells to show through.
const stickyDriver = "sticky left-[4.9rem] z-10 min-w-[8rem] max-w-[13rem] border-r border-line";
const cell = "border-b border-line px-2 py-1 align-middle";

const statusTone: Record<RosterStatus, string> = {
  confirmed: "bg-success-soft text-success",
  waiting: "bg-warning-soft text-warning",
  cancelled: "bg-slate-100 text-muted line-through",
};

function SortHeader({
  column,
  slug,
  query,
  label,
  className = "",
}: {
  column: (typeof COLUMNS)[number];
  slug: string;
  query: RosterQuery;
  label: string;
  className?: string;
}) {
  const sort = SORTABLE[column];
  const active = sort && query.sort === sort;
  const next = active && query.dir === "asc" ? "desc" : "asc";
  return (
    <th
      scope="col"
      aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : undefined}
      className={`${cell} bg-slate-100 text-left text-sm font-bold whitespace-nowrap ${className}`}
    >
      {sort ? (
        <Link
          href={rosterHref(slug, query, { sort, dir: next, page: 1 })}
          className="inline-flex min-h-11 items-center gap-1 text-ink underline-offset-4 hover:underline"
        >
          {label}
          <span aria-hidden className="text-xs text-muted">
            {active ? (query.dir === "asc" ? "▲" : "▼") : "↕"}
          </span>
        </Link>
      ) : (
        label
      )}
    </th>
  );
}

function Row({ row, slug, selectable }: { row: RosterRow; slug: string; selectable: boolean }) {
  const t = useTranslations("roster");
  return (
    <tr className="bg-white hover:bg-slate-50" data-testid="roster-row">
      <td className={`${cell} ${stickyPlaque} bg-inherit`}>
        <span className="flex items-center gap-0.5">
          {selectable ? (
            <label className="inline-flex h-11 w-11 shrink-0 cursor-pointer items-center justify-center">
              <input
                type="checkbox"
                name="ids"
                value={row.id}
                form={BULK_FORM_ID}
                aria-label={t("select", { driver: row.driver ?? t("deletedAccount") })}
                className="h-5 w-5"
              />
            </label>
          ) : null}
          <span className="font-bold tabular-nums">{row.plaque ?? ""}</span>
        </span>
      </td>
      <th scope="row" className={`${cell} ${stickyDriver} bg-inherit text-left font-normal`}>
        <Link
          href={entryPath(slug, row.id)}
          className="inline-flex min-h-11 items-center leading-tight font-semibold text-accent underline underline-offset-4"
        >
          {row.driver ?? t("deletedAccount")}
        </Link>
        {row.email ? <span className="hidden truncate text-xs text-muted lg:block">{row.email}</span> : null}
      </th>
      <td className={`${cell} whitespace-nowrap`}>
        {row.car}
        {row.noiseOver ? (
          <span className="ml-2 rounded bg-warning-soft px-1.5 text-sm font-semibold text-warning">
            {t("noiseOver", { db: row.noiseOver })}
          </span>
        ) : null}
      </td>
      <td className={`${cell} whitespace-nowrap`}>
        <span className="inline-flex items-center gap-2">
          <Swatch colour={row.swatch} />
          {row.colour}
        </span>
      </td>
      <td className={`${cell} whitespace-nowrap`}>
        {row.plate ? (
          <span className="rounded border border-ink px-1.5 font-mono text-sm font-semibold tracking-wide">
            {row.plate}
          </span>
        ) : null}
      </td>
      <td className={`${cell} min-w-[15rem] max-w-[30rem] text-sm leading-snug`}>
        {row.places.map((p, i) => (
          <span key={p.sessionId}>
            {i > 0 ? "; " : null}
            <span className={p.status === "waiting" ? "font-semibold text-warning" : ""}>{placeLabel(t, p)}</span>
          </span>
        ))}
      </td>
      <td className={cell}>
        <span
          className={`inline-block rounded-full px-2 py-0.5 text-sm font-semibold whitespace-nowrap ${statusTone[row.status]}`}
        >
          {t(`statuses.${row.status}`)}
        </span>
      </td>
      <td className={`${cell} whitespace-nowrap`}>
        {row.paperwork ? (
          <span className={`font-semibold ${row.paperwork.complete ? "text-success" : "text-warning"}`}>
            {row.paperwork.complete ? t("paperworkComplete") : t("paperworkMissing", { count: row.paperwork.missing })}
          </span>
        ) : null}
      </td>
      <td className={`${cell} tabular-nums`}>{row.checkedIn ?? ""}</td>
    </tr>
  );
}

/** The live roster table. `selectable`: a tick box per row for the bulk form (organisers only). */
export function RosterTable({ slug, query, selectable }: { slug: string; query: RosterQuery; selectable: boolean }) {
  const t = useTranslations("roster");
  const { data, isError, dataUpdatedAt } = useRoster(slug, query);
  if (!data) return null;
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="roster-caption" className="text-lg font-bold" data-testid="roster-total">
          {t("tableCaption", { total: data.total })}
        </h2>
        <p className="text-sm text-muted" data-testid="roster-updated">
          {isError
            ? t("liveError", { time: formatClock(new Date(dataUpdatedAt)) })
            : t("live", { time: formatClock(new Date(dataUpdatedAt)) })}
        </p>
      </div>
      {/* Focusable, so keyboard users can scroll it sideways too. */}
      <div
        role="region"
        aria-labelledby="roster-caption"
        tabIndex={0}
        className="max-w-full overflow-x-auto rounded-lg border border-line bg-white"
        data-testid="roster-scroll"
      >
        <table className="w-full min-w-[62rem] border-separate border-spacing-0 text-base">
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <SortHeader
                  key={c}
                  column={c}
                  slug={slug}
                  query={query}
                  label={t(`columns.${c}`)}
                  className={c === "plaque" ? `${stickyPlaque} z-20` : c === "driver" ? `${stickyDriver} z-20` : ""}
                />
              ))}
            </tr>
          </thead>
          <tbody>
            {data.rows.map((row) => (
              <Row key={row.id} row={row} slug={slug} selectable={selectable} />
            ))}
          </tbody>
        </table>
        {data.rows.length === 0 ? <p className="p-4 text-base text-muted">{t("noRows")}</p> : null}
      </div>
      <Pagination slug={slug} query={query} pages={data.pages} />
    </div>
  );
}

function Pagination({ slug, query, pages }: { slug: string; query: RosterQuery; pages: number }) {
  const t = useTranslations("roster");
  if (pages <= 1 && query.page === 1) return null;
  const link =
    "inline-flex min-h-11 items-center rounded-lg border border-line bg-white px-4 font-semibold text-accent";
  return (
    <nav aria-label={t("pagination")} className="flex flex-wrap items-center justify-between gap-2">
      {query.page > 1 ? (
        <Link href={rosterHref(slug, query, { page: Math.min(query.page - 1, pages) })} className={link} rel="prev">
          {t("previous")}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-sm text-muted">{t("pageOf", { page: query.page, pages })}</span>
      {query.page < pages ? (
        <Link href={rosterHref(slug, query, { page: query.page + 1 })} className={link} rel="next">
          {t("next")}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
