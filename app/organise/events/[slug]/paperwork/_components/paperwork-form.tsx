"use client";

import { useTranslations } from "next-intl";
import { FormError } from "@/components/form/form-error";
import { fieldBinder, useForm, type BoundFormAction } from "@/components/form/use-form";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Field, SelectField, TextAreaField } from "@/components/ui/field";
import { QUESTION_KINDS } from "@/lib/paperwork";
import { LIMITS } from "@/lib/schemas/limits";
import type { PaperworkFormState } from "../actions";

type Props = { action: BoundFormAction<PaperworkFormState>; initial: Record<string, string>; rows: number };

export function PaperworkForm({ action: save, initial, rows: initialRows }: Props) {
  const t = useTranslations("paperwork");
  const { action, pending, failed, fieldErrors, values, field, formError } = useForm(save, { initialValues: initial });
  const rows = failed?.rows ?? initialRows;
  const invalid = Object.keys(fieldErrors).length > 0;
  return (
    <form action={action} noValidate className="flex flex-col gap-5" key={JSON.stringify(values) + rows}>
      <FormError message={formError ?? (invalid ? t("fixErrors") : undefined)} />
      <TextAreaField
        {...field("waiverEn")}
        label={t("waiverEn")}
        rows={8}
        maxLength={LIMITS.waiver}
        hint={t("waiverHint")}
      />
      <TextAreaField {...field("waiverDe")} label={t("waiverDe")} rows={8} maxLength={LIMITS.waiver} />
      <fieldset className="flex flex-col gap-1">
        <legend className="mb-1 text-base font-bold">{t("driverDetails")}</legend>
        {(["requireLicence", "requireEmergencyContact", "requireExperience"] as const).map((name) => (
          <Checkbox key={name} name={name} defaultChecked={values[name] === "on"}>
            {t(name)}
          </Checkbox>
        ))}
      </fieldset>
      <Field
        {...field("noiseLimitDb")}
        type="number"
        inputMode="numeric"
        label={t("noiseLimit")}
        hint={t("noiseLimitHint")}
        className="sm:max-w-xs"
      />
      <section aria-labelledby="questions-heading" className="flex flex-col gap-3">
        <h2 id="questions-heading" className="text-xl font-bold">
          {t("questions")}
        </h2>
        {Array.from({ length: rows }, (_, i) => (
          <QuestionRow key={i} index={i} values={values} errors={fieldErrors} />
        ))}
        <Button
          type="submit"
          name="intent"
          value="addQuestion"
          variant="secondary"
          className="self-start"
          formNoValidate
        >
          {t("addQuestion")}
        </Button>
      </section>
      <Button type="submit" name="intent" value="save" disabled={pending} className="self-start">
        {t("save")}
      </Button>
    </form>
  );
}

/** One question; its inputs are named questions.N.field, like the event editor's session rows. */
function QuestionRow(props: { index: number; values: Record<string, string>; errors: Record<string, string> }) {
  const t = useTranslations("paperwork");
  const n = (f: string) => `questions.${props.index}.${f}`;
  const bind = fieldBinder(props.errors, props.values);
  const f = (name: string) => ({ ...bind(n(name)), id: `q${props.index}-${name}` });
  return (
    <fieldset className="flex flex-col gap-3 rounded-xl border border-line bg-surface p-3 sm:p-4">
      <legend className="px-1 text-base font-bold">{t("questionLegend", { number: props.index + 1 })}</legend>
      <input type="hidden" name={n("id")} value={props.values[n("id")] ?? ""} />
      <div className="grid gap-3 sm:grid-cols-[2fr_1fr]">
        <Field {...f("text")} label={t("question")} maxLength={LIMITS.question} />
        <SelectField {...f("kind")} label={t("type")} defaultValue={props.values[n("kind")] || "text"}>
          {QUESTION_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kinds.${k}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <TextAreaField {...f("choices")} label={t("choices")} hint={t("choicesHint")} rows={3} />
      <Checkbox name={n("required")} defaultChecked={props.values[n("required")] === "on"}>
        {t("required")}
      </Checkbox>
      <Checkbox
        name={n("remove")}
        defaultChecked={props.values[n("remove")] === "on"}
        className="h-5 w-5 accent-[var(--color-danger)]"
      >
        {t("removeQuestion")}
      </Checkbox>
    </fieldset>
  );
}
