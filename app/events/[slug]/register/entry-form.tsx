"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { ChoiceSelects, type ChoiceOption } from "@/components/choice-selects";
import { useForm, type BoundFormAction } from "@/components/form/use-form";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { SecondDriverAndRules } from "./second-driver-and-rules";

type Props = {
  action: BoundFormAction;
  slug: string;
  eventId: string;
  idempotencyKey: string;
  cars: { id: string; label: string }[];
  sessions: ChoiceOption[];
  count: number;
  rulesText: string;
};

export function EntryForm({
  action: enterAction,
  slug,
  eventId,
  idempotencyKey,
  cars,
  sessions,
  count,
  rulesText,
}: Props) {
  const t = useTranslations("lottery");
  const tr = useTranslations("registration");
  const { action, pending, fieldErrors: errors, values, formError } = useForm(enterAction);
  return (
    <form action={action} noValidate className="flex flex-col gap-5" key={JSON.stringify(values)}>
      <input type="hidden" name="eventId" value={eventId} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      {formError ? (
        <Notice tone="danger" role="alert">
          {formError}
        </Notice>
      ) : null}
      <div className="flex flex-col gap-2">
        <SelectField name="carId" label={tr("car")} defaultValue={values.carId ?? cars[0]?.id} error={errors.carId}>
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
          {tr("addCar")}
        </Link>
      </div>
      <ChoiceSelects
        sessions={sessions}
        count={count}
        values={values}
        errors={errors}
        text={{
          legend: t("choicesLegend"),
          hint: t("choicesHint", { count }),
          notChosen: t("notChosen"),
          choice: (rank) => t("choice", { rank }),
        }}
      />
      <SecondDriverAndRules values={values} errors={errors} rulesText={rulesText} />
      <Button type="submit" disabled={pending}>
        {t("enter")}
      </Button>
    </form>
  );
}
