import Link from "next/link";
import { carModelName, paintName, swatchFor } from "@/lib/car-catalogue";
import type { Car } from "@/db/schema";
import { Card } from "@/components/ui/card";
import { Swatch } from "@/components/ui/swatch";

export { carModelName };

/** A car in the owner's garage: only the owner sees this card (it shows the plate). */
export function CarCard({ car, editLabel }: { car: Car; editLabel?: string }) {
  const modelName = carModelName(car);
  const title = car.nickname || modelName;
  return (
    <Card className="flex items-center gap-4">
      <Swatch colour={swatchFor(car.colour, car.individualColour)} className="h-12 w-12 border border-slate-400" />
      <div className="min-w-0 flex-1">
        <h2 className="truncate text-lg font-bold">{title}</h2>
        <p className="text-base text-muted">
          {car.nickname ? `${modelName} · ` : ""}
          {car.year} · {paintName(car.colour, car.individualColour)}
        </p>
        <p className="mt-1 inline-block rounded border-2 border-ink bg-white px-2 font-mono text-base font-bold tracking-wider">
          {car.plate} <span className="text-sm font-semibold text-muted">{car.plateCountry}</span>
        </p>
      </div>
      {editLabel ? (
        <Link
          href={`/garage/${car.id}/edit`}
          aria-label={`${editLabel}: ${title}`}
          className="inline-flex min-h-11 min-w-11 items-center justify-center rounded-lg px-3 font-semibold text-accent hover:bg-accent-soft"
        >
          {editLabel}
        </Link>
      ) : null}
    </Card>
  );
}
