"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { SelectField } from "@/components/ui/field";

/** Which car of the garage goes to the meet, with a way to add one and come back here. */
export function CarChoice({
  slug,
  cars,
  value,
  error,
}: {
  slug: string;
  cars: { id: string; label: string }[];
  value?: string;
  error?: string;
}) {
  const t = useTranslations("registration");
  return (
    <div className="flex flex-col gap-2">
      <SelectField name="carId" label={t("car")} defaultValue={value ?? cars[0]?.id} error={error}>
        {cars.map((c) => (
          <option key={c.id} value={c.id}>
            {c.label}
          </option>
        ))}
      </SelectField>
      <Link
        href={`/garage/new?returnTo=/events/${slug}/register`}
        className="inline-flex min-h-11 items-center self-start font-semibold text-accent underline underline-offset-4"
      >
        {t("addCar")}
      </Link>
    </div>
  );
}
