"use client";

import { useTranslations } from "next-intl";
import { FormError } from "@/components/form/form-error";
import { useForm, type BoundFormAction } from "@/components/form/use-form";
import { Questions, questionsText } from "@/components/questions";
import { Button } from "@/components/ui/button";
import type { Question } from "@/lib/paperwork";

type Props = { action: BoundFormAction; questions: Question[]; initial: Record<string, string> };

export function AnswersForm({ action: save, questions, initial }: Props) {
  const t = useTranslations("paperwork");
  const { action, pending, fieldErrors, values, formError } = useForm(save, { initialValues: initial });
  return (
    <form action={action} className="flex flex-col gap-4" key={JSON.stringify(values)}>
      <FormError message={formError} />
      <Questions questions={questions} values={values} errors={fieldErrors} text={questionsText(t)} />
      <Button type="submit" disabled={pending}>
        {t("saveAnswers")}
      </Button>
    </form>
  );
}
