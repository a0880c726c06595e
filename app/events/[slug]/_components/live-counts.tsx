"use client";

import { renderCount, type CountText } from "@/lib/count-text";
import { Swatch } from "@/components/ui/swatch";
import { useCounts } from "./counts-provider";

// No next-intl here: the words come from the server (lib/count-text), so the cached public page
// ships no message parser and does no locale work while it hydrates.

export function CarsRegistered({ text }: { text: CountText }) {
  const counts = useCounts();
  return (
    <p className="text-lg font-semibold" data-testid="cars-registered">
      {renderCount(text, counts?.carsRegistered ?? 0)}
    </p>
  );
}

export type PlacesLeftText = { placesLeft: CountText; full: string };

export function PlacesLeft({ sessionId, text }: { sessionId: string; text: PlacesLeftText }) {
  const session = useCounts()?.sessions.find((s) => s.id === sessionId);
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

export function ColourCounts({ label, noCars }: { label: string; noCars: string }) {
  const rows = useCounts()?.colours ?? [];
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
  label,
  names,
  noCars,
}: {
  label: string;
  names: Record<string, string>;
  noCars: string;
}) {
  const rows = useCounts()?.countries ?? [];
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
