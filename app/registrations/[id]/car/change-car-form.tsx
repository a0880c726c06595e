"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { initialFormResult, type FormResult } from "@/lib/form-result";

// Bound on the server (page.tsx), not here: see ../_forms.tsx (vercel/next.js#98045).
export function ChangeCarForm({ action: changeCarAction, cars }: { action: (prev: FormResult, formData: FormData) => Promise<FormResult>; cars: { id: string; label: string }[] }) {
  const t = useTranslations("registration");
  const [state, action, pending] = useActionState(changeCarAction, initialFormResult);
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
