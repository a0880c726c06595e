"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { ChoiceSelects, type ChoiceOption } from "@/components/choice-selects";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { initialFormResult, type FormResult } from "@/lib/form-result";

// Bound on the server (page.tsx), not here (vercel/next.js#98045).
type Props = { action: (prev: FormResult, formData: FormData) => Promise<FormResult>; sessions: ChoiceOption[]; count: number; current: Record<string, string> };

export function ChoicesForm({ action: changeEntry, sessions, count, current }: Props) {
  const t = useTranslations("lottery");
  const [state, action, pending] = useActionState(changeEntry, initialFormResult);
  const failed = state.ok ? undefined : state;
  const values = failed?.values ?? current;
  return (
    <form action={action} noValidate className="flex flex-col gap-5" key={JSON.stringify(values)}>
      {failed?.formError ? <Notice tone="danger" role="alert">{failed.formError}</Notice> : null}
      <ChoiceSelects sessions={sessions} count={count} values={values} errors={failed?.fieldErrors ?? {}}
        text={{ legend: t("choicesLegend"), hint: t("choicesHint", { count }), notChosen: t("notChosen"), choice: (rank) => t("choice", { rank }) }} />
      <Button type="submit" disabled={pending}>{t("saveChoices")}</Button>
    </form>
  );
}
