"use client";

import { useTranslations } from "next-intl";
import { ChoiceSelects, type ChoiceOption } from "@/components/choice-selects";
import { useForm, type BoundFormAction } from "@/components/form/use-form";
import { FormError } from "@/components/form/form-error";
import { Button } from "@/components/ui/button";

type Props = { action: BoundFormAction; sessions: ChoiceOption[]; count: number; current: Record<string, string> };

export function ChoicesForm({ action: changeEntry, sessions, count, current }: Props) {
  const t = useTranslations("lottery");
  const { action, pending, fieldErrors, values, formError } = useForm(changeEntry, { initialValues: current });
  return (
    <form action={action} noValidate className="flex flex-col gap-5" key={JSON.stringify(values)}>
      <FormError message={formError} />
      <ChoiceSelects
        sessions={sessions}
        count={count}
        values={values}
        errors={fieldErrors}
        text={{
          legend: t("choicesLegend"),
          hint: t("choicesHint", { count }),
          notChosen: t("notChosen"),
          choice: (rank) => t("choice", { rank }),
        }}
      />
      <Button type="submit" disabled={pending}>
        {t("saveChoices")}
      </Button>
    </form>
  );
}
