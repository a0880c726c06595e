import { findModel, paintName, swatchFor } from "@/lib/car-catalogue";
import type { Car } from "@/db/schema";
import { Card } from "@/components/ui/card";

export function CarCard({ car }: { car: Car }) {
  const model = findModel(car.model);
  const modelName = model ? `${model.make} ${model.model}` : [car.make, car.modelName].filter(Boolean).join(" ");
  return (
    <Card className="flex items-center gap-4">
      <span aria-hidden className="h-12 w-12 shrink-0 rounded-full border border-slate-400" style={{ backgroundColor: swatchFor(car.colour, car.individualColour) }} />
      <div className="min-w-0 flex-1">
        <h2 className="truncate text-lg font-bold">{car.nickname || modelName}</h2>
        <p className="text-base text-muted">
          {car.nickname ? `${modelName} · ` : ""}
          {car.year} · {paintName(car.colour, car.individualColour)}
        </p>
        <p className="mt-1 inline-block rounded border-2 border-ink bg-white px-2 font-mono text-base font-bold tracking-wider">
          {car.plate} <span className="text-sm font-semibold text-muted">{car.plateCountry}</span>
        </p>
      </div>
    </Card>
  );
}
