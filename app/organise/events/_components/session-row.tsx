"use client";

import { useTranslations } from "next-intl";
import { fieldBinder } from "@/components/form/use-form";
import { Field, FieldError, SelectField } from "@/components/ui/field";
import { EXPERIENCE_LEVELS } from "@/lib/paperwork";
import { sessionKinds } from "@/lib/schemas/event";
import { LIMITS } from "@/lib/schemas/limits";
import { Checkbox } from "@/components/ui/checkbox";

type Props = {
  index: number;
  values: Record<string, string>;
  errors: Record<string, string>;
  registered: number;
  clash: boolean;
};

/** One programme session in the event editor; its inputs are named sessions.N.field. */
export function SessionRow({ index, values, errors, registered, clash }: Props) {
  const t = useTranslations("organise.session");
  const tp = useTranslations("paperwork");
  const n = (field: string) => `sessions.${index}.${field}`;
  const v = (field: string) => values[n(field)] ?? "";
  const e = (field: string) => errors[n(field)];
  const bind = fieldBinder(errors, values);
  // Ids stay short and stable (s0-name) for labels and tests; names carry the row's index.
  const f = (field: string, id = field) => ({ ...bind(n(field)), id: `s${index}-${id}` });
  return (
    <fieldset className="flex flex-col gap-3 rounded-xl border border-line bg-surface p-3 sm:p-4">
      <legend className="px-1 text-base font-bold">{t("legend", { number: index + 1 })}</legend>
      <input type="hidden" name={n("id")} value={v("id")} />
      {clash ? (
        <p className="rounded-lg bg-warning-soft px-3 py-2 text-sm font-semibold text-warning">{t("clash")}</p>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-[2fr_1fr]">
        <Field {...f("name")} label={t("name")} maxLength={LIMITS.sessionName} />
        <SelectField {...f("kind")} label={t("kind")} defaultValue={v("kind") || "other"}>
          {sessionKinds.map((k) => (
            <option key={k} value={k}>
              {t(`kinds.${k}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-[1.6fr_1fr_1fr_1fr_1fr]">
        <Field className="col-span-2 sm:col-span-1" {...f("day")} type="date" label={t("day")} />
        <Field {...f("start")} type="time" label={t("start")} />
        <Field {...f("end")} type="time" label={t("end")} />
        <Field {...f("capacity")} type="number" inputMode="numeric" min={1} max={2000} label={t("capacity")} />
        <Field {...f("noiseLimitDb", "noise")} type="number" inputMode="numeric" label={t("noise")} />
      </div>
      <fieldset className="flex flex-col gap-1">
        <legend className="text-sm font-semibold">{tp("runGroup")}</legend>
        {EXPERIENCE_LEVELS.map((level) => (
          <Checkbox
            key={level}
            name={n("levels")}
            value={level}
            defaultChecked={v("levels").split(",").includes(level)}
          >
            {tp(`levels.${level}`)}
          </Checkbox>
        ))}
      </fieldset>
      <div className="flex flex-col gap-2">
        <Checkbox
          name={n("remove")}
          defaultChecked={v("remove") === "on"}
          className="h-5 w-5 accent-[var(--color-danger)]"
        >
          {t("remove")}
        </Checkbox>
        {registered > 0 ? (
          <Checkbox
            name={n("confirmRemoval")}
            aria-invalid={e("confirmRemoval") ? true : undefined}
            aria-describedby={`s${index}-confirm-error`}
          >
            {t("confirmRemoval", { count: registered })}
          </Checkbox>
        ) : null}
        <FieldError id={`s${index}-confirm-error`} error={e("confirmRemoval")} />
      </div>
    </fieldset>
  );
}
