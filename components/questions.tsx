"use client";

import { Field, SelectField, TextAreaField } from "@/components/ui/field";
import { RadioGroup } from "@/components/ui/radio-group";
import type { Question } from "@/lib/paperwork";
import { LIMITS } from "@/lib/schemas/limits";

/**
 * An event's own questions, each labelled with its text, named `answers.<question id>`. A choice
 * of a few is a radio group (every option visible on a phone), of many a select.
 */
export type QuestionsText = { title: string; optional: string; yes: string; no: string; choose: string };
type PaperworkKey = "answersTitle" | "optional" | "yes" | "no" | "choose";

/** The words from the paperwork messages of the area the form is in (pass its translator for "paperwork"). */
export const questionsText = (t: (key: PaperworkKey) => string): QuestionsText => ({
  title: t("answersTitle"),
  optional: t("optional"),
  yes: t("yes"),
  no: t("no"),
  choose: t("choose"),
});

export function Questions({
  questions,
  values,
  errors,
  text,
}: {
  questions: Question[];
  values: Record<string, string>;
  errors: Record<string, string>;
  /** Its few words, from the area it renders in (shared components take words as props). */
  text: QuestionsText;
}) {
  const t = (key: keyof QuestionsText) => text[key];
  if (questions.length === 0) return null;
  return (
    <fieldset className="flex flex-col gap-4">
      <legend className="mb-1 text-base font-bold">{t("title")}</legend>
      {questions.map((q) => {
        const name = `answers.${q.id}`;
        const bound = { name, id: `answer-${q.id}`, error: errors[name], defaultValue: values[name] ?? "" };
        const label = q.required ? q.text : `${q.text} (${t("optional")})`;
        if (q.kind === "yes_no" || (q.kind === "choice" && q.choices.length <= 4)) {
          const options =
            q.kind === "yes_no"
              ? [
                  { value: "yes", label: t("yes") },
                  { value: "no", label: t("no") },
                ]
              : q.choices.map((c) => ({ value: c, label: c }));
          return (
            <RadioGroup
              key={q.id}
              {...bound}
              legend={label}
              options={options}
              defaultValue={bound.defaultValue}
              noneChecked
            />
          );
        }
        if (q.kind === "choice")
          return (
            <SelectField key={q.id} {...bound} label={label}>
              <option value="">{t("choose")}</option>
              {q.choices.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </SelectField>
          );
        if (q.kind === "number")
          return (
            <Field key={q.id} {...bound} label={label} type="number" inputMode="decimal" className="sm:max-w-xs" />
          );
        return <TextAreaField key={q.id} {...bound} label={label} rows={2} maxLength={LIMITS.answer} />;
      })}
    </fieldset>
  );
}
