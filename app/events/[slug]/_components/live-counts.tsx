"use client";

import { useQuery } from "@tanstack/react-query";
import type { LiveCounts } from "@/app/events/live-counts";
import { renderCount, type CountText } from "@/lib/count-text";
import { COUNTS_POLL_MS, countsUrl, eventKeys } from "./event-queries";
import { Swatch } from "@/components/ui/swatch";

async function fetchCounts(slug: string): Promise<LiveCounts> {
  const response = await fetch(countsUrl(slug));
  if (!response.ok) throw new Error(`counts: HTTP ${response.status}`);
  return (await response.json()) as LiveCounts;
}

function useCounts(slug: string): LiveCounts | undefined {
  return useQuery({
    queryKey: eventKeys.counts(slug),
    queryFn: () => fetchCounts(slug),
    refetchInterval: COUNTS_POLL_MS,
  }).data;
}

// No next-intl here: the words come from the server (lib/count-text), so the cached public page
// ships no message parser and does no locale work while it hydrates.

export function CarsRegistered({ slug, text }: { slug: string; text: CountText }) {
  const counts = useCounts(slug);
  return (
    <p className="text-lg font-semibold" data-testid="cars-registered">
      {renderCount(text, counts?.carsRegistered ?? 0)}
    </p>
  );
}

export type PlacesLeftText = { placesLeft: CountText; full: string };

export function PlacesLeft({ slug, sessionId, text }: { slug: string; sessionId: string; text: PlacesLeftText }) {
  const session = useCounts(slug)?.sessions.find((s) => s.id === sessionId);
  if (!session) return null;
  return (
    <p
      className={`text-base font-bold ${session.placesLeft === 0 ? "text-danger" : "text-success"}`}
      data-testid="places-left"
    >
      {session.placesLeft === 0 ? text.full : renderCount(text.placesLeft, session.placesLeft)}
    </p>
  );
}

export function ColourCounts({ slug, label, noCars }: { slug: string; label: string; noCars: string }) {
  const rows = useCounts(slug)?.colours ?? [];
  if (rows.length === 0) return <p className="text-base text-muted">{noCars}</p>;
  return (
    <ul aria-label={label} className="flex flex-col gap-2">
      {rows.map((row) => (
        <li key={`${row.colour}/${row.individualColour ?? ""}`} className="flex items-center gap-3 text-base">
          <Swatch colour={row.swatch} className="h-6 w-6 border border-slate-400" />
          <span className="flex-1">{row.name}</span>
          <span className="font-semibold tabular-nums">{row.cars}</span>
        </li>
      ))}
    </ul>
  );
}

/** `names`: the country names in the page's language, worked out on the server for the codes it saw. */
export function CountryCounts({
  slug,
  label,
  names,
  noCars,
}: {
  slug: string;
  label: string;
  names: Record<string, string>;
  noCars: string;
}) {
  const rows = useCounts(slug)?.countries ?? [];
  if (rows.length === 0) return <p className="text-base text-muted">{noCars}</p>;
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
