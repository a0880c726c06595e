"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { initialFormResult } from "@/lib/form-result";
import { createClubAction } from "../../actions";
import { LIMITS } from "@/lib/schemas/limits";

export function NewClubForm() {
  const t = useTranslations("organise");
  const [state, action, pending] = useActionState(createClubAction, initialFormResult);
  const failed = state.ok ? undefined : state;
  return (
    <form action={action} noValidate className="flex flex-col gap-4" key={failed?.values?.name}>
      <Field name="name" label={t("clubName")} defaultValue={failed?.values?.name} error={failed?.fieldErrors?.name} required maxLength={LIMITS.clubName} />
      <Button type="submit" disabled={pending}>{t("createClub")}</Button>
    </form>
  );
}
