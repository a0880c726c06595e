import { paintName, swatchFor } from "@/lib/car-catalogue";

type Row = { colour: string; individualColour: string | null; cars: number };

export function ColourBreakdown({ rows, label }: { rows: Row[]; label: string }) {
  return (
    <ul aria-label={label} className="flex flex-col gap-2">
      {rows.map((row) => (
        <li key={`${row.colour}/${row.individualColour ?? ""}`} className="flex items-center gap-3 text-base">
          <span aria-hidden className="h-6 w-6 shrink-0 rounded-full border border-slate-400" style={{ backgroundColor: swatchFor(row.colour, row.individualColour) }} />
          <span className="flex-1">{paintName(row.colour, row.individualColour)}</span>
          <span className="font-semibold tabular-nums">{row.cars}</span>
        </li>
      ))}
    </ul>
  );
}
