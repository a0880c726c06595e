"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { LiveCounts } from "@/app/events/live-counts";
import { COUNTS_POLL_MS, countsUrl, eventKeys } from "./event-queries";

async function fetchCounts(slug: string): Promise<LiveCounts> {
  const response = await fetch(countsUrl(slug));
  if (!response.ok) throw new Error(`counts: HTTP ${response.status}`);
  return (await response.json()) as LiveCounts;
}

function useCounts(slug: string): LiveCounts | undefined {
  return useQuery({ queryKey: eventKeys.counts(slug), queryFn: () => fetchCounts(slug), refetchInterval: COUNTS_POLL_MS }).data;
}

export function CarsRegistered({ slug }: { slug: string }) {
  const t = useTranslations("event");
  const counts = useCounts(slug);
  return (
    <p className="text-lg font-semibold" data-testid="cars-registered">
      {t("carsRegistered", { count: counts?.carsRegistered ?? 0 })}
    </p>
  );
}

export function PlacesLeft({ slug, sessionId }: { slug: string; sessionId: string }) {
  const t = useTranslations("event");
  const session = useCounts(slug)?.sessions.find((s) => s.id === sessionId);
  if (!session) return null;
  return (
    <p className={`text-base font-bold ${session.placesLeft === 0 ? "text-danger" : "text-success"}`} data-testid="places-left">
      {session.placesLeft === 0 ? t("full") : t("placesLeft", { count: session.placesLeft })}
    </p>
  );
}

export function ColourCounts({ slug, label }: { slug: string; label: string }) {
  const t = useTranslations("eventPage");
  const rows = useCounts(slug)?.colours ?? [];
  if (rows.length === 0) return <p className="text-base text-muted">{t("noCars")}</p>;
  return (
    <ul aria-label={label} className="flex flex-col gap-2">
      {rows.map((row) => (
        <li key={`${row.colour}/${row.individualColour ?? ""}`} className="flex items-center gap-3 text-base">
          <span aria-hidden className="h-6 w-6 shrink-0 rounded-full border border-slate-400" style={{ backgroundColor: row.swatch }} />
          <span className="flex-1">{row.name}</span>
          <span className="font-semibold tabular-nums">{row.cars}</span>
        </li>
      ))}
    </ul>
  );
}

/** `names`: the country names in the page's language, worked out on the server for the codes it saw. */
export function CountryCounts({ slug, label, names }: { slug: string; label: string; names: Record<string, string> }) {
  const t = useTranslations("eventPage");
  const rows = useCounts(slug)?.countries ?? [];
  if (rows.length === 0) return <p className="text-base text-muted">{t("noCars")}</p>;
  return (
    <ul aria-label={label} className="flex flex-col gap-2">
      {rows.map((row) => (
        <li key={row.country} className="flex justify-between text-base">
          <span>{names[row.country] ?? row.country}</span>
          <span className="font-semibold tabular-nums">{row.cars}</span>
        </li>
      ))}
    </ul>
  );
}
