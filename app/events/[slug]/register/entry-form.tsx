"use client";

import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ChoiceSelects, type ChoiceOption } from "@/components/choice-selects";
import { Field, SelectField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { initialFormResult, type FormResult } from "@/lib/form-result";
import { LIMITS } from "@/lib/schemas/limits";

type Action = (prev: FormResult, formData: FormData) => Promise<FormResult>;

// Bound on the server (page.tsx), not here: see register-form.tsx (vercel/next.js#98045).
type Props = { action: Action; slug: string; eventId: string; idempotencyKey: string; cars: { id: string; label: string }[]; sessions: ChoiceOption[]; count: number; rulesText: string };

export function EntryForm({ action: enterAction, slug, eventId, idempotencyKey, cars, sessions, count, rulesText }: Props) {
  const t = useTranslations("lottery");
  const tr = useTranslations("registration");
  const [state, action, pending] = useActionState(enterAction, initialFormResult);
  const failed = state.ok ? undefined : state;
  const errors = failed?.fieldErrors ?? {};
  const values = failed?.values ?? {};
  return (
    <form action={action} noValidate className="flex flex-col gap-5" key={JSON.stringify(values)}>
      <input type="hidden" name="eventId" value={eventId} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      {failed?.formError ? <Notice tone="danger" role="alert">{failed.formError}</Notice> : null}
      <div className="flex flex-col gap-2">
        <SelectField name="carId" label={tr("car")} defaultValue={values.carId ?? cars[0]?.id} error={errors.carId}>
          {cars.map((c) => <option key={c.id} value={c.id}>{c.label}</option>)}
        </SelectField>
        <Link href={`/garage/new?returnTo=/events/${slug}/register`} className="inline-flex min-h-11 items-center self-start font-semibold text-accent underline underline-offset-4">{tr("addCar")}</Link>
      </div>
      <ChoiceSelects sessions={sessions} count={count} values={values} errors={errors}
        text={{ legend: t("choicesLegend"), hint: t("choicesHint", { count }), notChosen: t("notChosen"), choice: (rank) => t("choice", { rank }) }} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="secondDriverName" label={tr("secondDriver")} hint={tr("optional")} defaultValue={values.secondDriverName} error={errors.secondDriverName} autoComplete="off" maxLength={LIMITS.secondDriverName} />
        <Field name="secondDriverEmail" type="email" label={tr("secondDriverEmail")} hint={tr("secondDriverHint")} defaultValue={values.secondDriverEmail} error={errors.secondDriverEmail} autoComplete="off" maxLength={LIMITS.email} />
      </div>
      {rulesText ? <div className="whitespace-pre-line rounded-lg bg-accent-soft p-3 text-base">{rulesText}</div> : null}
      <div className="flex flex-col gap-1">
        <label className="flex min-h-11 items-center gap-3 text-base font-semibold">
          <input type="checkbox" name="acceptRules" defaultChecked={values.acceptRules === "on"} aria-invalid={errors.acceptRules ? true : undefined} aria-describedby="rules-error" className="h-5 w-5" />
          {tr("acceptRules")}
        </label>
        <p id="rules-error" aria-live="polite" className="text-sm font-medium text-danger empty:hidden">{errors.acceptRules ?? ""}</p>
      </div>
      <Button type="submit" disabled={pending}>{t("enter")}</Button>
    </form>
  );
}
