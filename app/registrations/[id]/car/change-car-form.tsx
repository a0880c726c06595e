"use client";

import { useTranslations } from "next-intl";
import { useForm, type BoundFormAction } from "@/components/form/use-form";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";

export function ChangeCarForm({
  action: changeCarAction,
  cars,
}: {
  action: BoundFormAction;
  cars: { id: string; label: string }[];
}) {
  const t = useTranslations("registration");
  const { action, pending, fieldErrors, formError } = useForm(changeCarAction);
  return (
    <form action={action} className="flex flex-col gap-4">
      {formError ? (
        <Notice tone="danger" role="alert">
          {formError}
        </Notice>
      ) : null}
      <SelectField name="carId" label={t("car")} error={fieldErrors.carId}>
        {cars.map((c) => (
          <option key={c.id} value={c.id}>
            {c.label}
          </option>
        ))}
      </SelectField>
      <Button type="submit" disabled={pending}>
        {t("changeCar")}
      </Button>
    </form>
  );
}
