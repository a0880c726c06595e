"use client";

import { useTranslations } from "next-intl";
import { ChoiceSelects, type ChoiceOption } from "@/components/choice-selects";
import { useForm, type BoundFormAction } from "@/components/form/use-form";
import { FormError } from "@/components/form/form-error";
import { Button } from "@/components/ui/button";
import { CarChoice } from "./car-choice";
import { Questions, questionsText } from "@/components/questions";
import type { Question } from "@/lib/paperwork";
import { SecondDriverAndRules } from "./second-driver-and-rules";

type Props = {
  action: BoundFormAction;
  slug: string;
  eventId: string;
  idempotencyKey: string;
  cars: { id: string; label: string; noiseDb: number | null }[];
  noiseLimitDb: number | null;
  sessions: ChoiceOption[];
  count: number;
  rulesText: string;
  questions: Question[];
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
  questions,
  noiseLimitDb,
}: Props) {
  const t = useTranslations("lottery");
  const tp = useTranslations("paperwork");
  const { action, pending, fieldErrors: errors, values, formError } = useForm(enterAction);
  return (
    <form action={action} noValidate className="flex flex-col gap-5" key={JSON.stringify(values)}>
      <input type="hidden" name="eventId" value={eventId} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <FormError message={formError} />
      <CarChoice slug={slug} cars={cars} value={values.carId} error={errors.carId} noiseLimitDb={noiseLimitDb} />
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
      <Questions questions={questions} values={values} errors={errors} text={questionsText(tp)} />
      <SecondDriverAndRules values={values} errors={errors} rulesText={rulesText} />
      <Button type="submit" disabled={pending}>
        {t("enter")}
      </Button>
    </form>
  );
}
