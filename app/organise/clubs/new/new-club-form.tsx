"use client";

import { useTranslations } from "next-intl";
import { useForm } from "@/components/form/use-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { createClubAction } from "../../actions";
import { LIMITS } from "@/lib/schemas/limits";

export function NewClubForm() {
  const t = useTranslations("organise");
  const { action, pending, fieldErrors, values } = useForm(createClubAction);
  return (
    <form action={action} noValidate className="flex flex-col gap-4" key={values.name}>
      <Field
        name="name"
        label={t("clubName")}
        defaultValue={values.name}
        error={fieldErrors.name}
        required
        maxLength={LIMITS.clubName}
      />
      <Button type="submit" disabled={pending}>
        {t("createClub")}
      </Button>
    </form>
  );
}
