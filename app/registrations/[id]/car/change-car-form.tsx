"use client";

import { useTranslations } from "next-intl";
import { useForm, type BoundFormAction } from "@/components/form/use-form";
import { FormError } from "@/components/form/form-error";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";

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
      <FormError message={formError} />
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
