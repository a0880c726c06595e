"use client";

import { useTranslations } from "next-intl";
import { FormError } from "@/components/form/form-error";
import { useForm, type BoundFormAction } from "@/components/form/use-form";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";

/** The recipient's car, and "Accept transfer". */
export function AcceptTransferForm({
  action: acceptAction,
  cars,
}: {
  action: BoundFormAction;
  cars: { id: string; label: string }[];
}) {
  const t = useTranslations("payments");
  const { action, pending, fieldErrors, formError } = useForm(acceptAction);
  return (
    <form action={action} className="flex flex-col gap-4">
      <FormError message={formError} />
      <SelectField name="carId" label={t("transferCar")} error={fieldErrors.carId}>
        {cars.map((c) => (
          <option key={c.id} value={c.id}>
            {c.label}
          </option>
        ))}
      </SelectField>
      <Button type="submit" disabled={pending} className="self-start">
        {t("acceptTransfer")}
      </Button>
    </form>
  );
}
