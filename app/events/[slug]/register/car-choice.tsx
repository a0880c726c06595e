"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { SelectField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { overNoiseLimit } from "@/lib/paperwork";

/** Which car of the garage goes to the meet, with a way to add one and come back here. */
export function CarChoice({
  slug,
  cars,
  value,
  error,
  noiseLimitDb = null,
}: {
  slug: string;
  cars: { id: string; label: string; noiseDb: number | null }[];
  value?: string;
  error?: string;
  /** The event's noise limit: a car over it is warned (it may be turned away at the gate), not refused. */
  noiseLimitDb?: number | null;
}) {
  const t = useTranslations("registration");
  const tp = useTranslations("paperwork");
  const [chosen, setChosen] = useState(value ?? cars[0]?.id);
  const car = cars.find((c) => c.id === chosen);
  return (
    <div className="flex flex-col gap-2">
      <SelectField
        name="carId"
        label={t("car")}
        value={chosen}
        onChange={(e) => setChosen(e.target.value)}
        error={error}
      >
        {cars.map((c) => (
          <option key={c.id} value={c.id}>
            {c.label}
          </option>
        ))}
      </SelectField>
      {car && overNoiseLimit(car.noiseDb, noiseLimitDb) ? (
        <Notice tone="warning" role="status">
          {tp("noiseOver", { noise: car.noiseDb!, limit: noiseLimitDb! })}
        </Notice>
      ) : null}
      <Link
        href={`/garage/new?returnTo=/events/${slug}/register`}
        className="inline-flex min-h-11 items-center self-start font-semibold text-accent underline underline-offset-4"
      >
        {t("addCar")}
      </Link>
    </div>
  );
}
