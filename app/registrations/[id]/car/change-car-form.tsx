"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { initialFormResult } from "@/lib/form-result";
import { changeCarAction } from "../actions";

export function ChangeCarForm({ registration, cars }: { registration: { id: string; slug: string }; cars: { id: string; label: string }[] }) {
  const t = useTranslations("registration");
  const [state, action, pending] = useActionState(changeCarAction.bind(null, registration), initialFormResult);
  const failed = state.ok ? undefined : state;
  return (
    <form action={action} className="flex flex-col gap-4">
      {failed?.formError ? <Notice tone="danger" role="alert">{failed.formError}</Notice> : null}
      <SelectField name="carId" label={t("car")} error={failed?.fieldErrors?.carId}>
        {cars.map((c) => <option key={c.id} value={c.id}>{c.label}</option>)}
      </SelectField>
      <Button type="submit" disabled={pending}>{t("changeCar")}</Button>
    </form>
  );
}
