"use client";

import { useTranslations } from "next-intl";
import { fieldBinder } from "@/components/form/use-form";
import { Field, FieldError } from "@/components/ui/field";
import { LIMITS } from "@/lib/schemas/limits";
import { Checkbox } from "@/components/ui/checkbox";

/**
 * How both registration forms end (first come first served, and the ballot entry): an optional
 * second driver, the event's rules, and the box that accepts them.
 */
export function SecondDriverAndRules({
  values,
  errors,
  rulesText,
}: {
  values: Record<string, string>;
  errors: Record<string, string>;
  rulesText: string;
}) {
  const t = useTranslations("registration");
  const field = fieldBinder(errors, values);
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          {...field("secondDriverName")}
          label={t("secondDriver")}
          hint={t("optional")}
          autoComplete="off"
          maxLength={LIMITS.secondDriverName}
        />
        <Field
          {...field("secondDriverEmail")}
          type="email"
          label={t("secondDriverEmail")}
          hint={t("secondDriverHint")}
          autoComplete="off"
          maxLength={LIMITS.email}
        />
      </div>
      {rulesText ? (
        <div className="whitespace-pre-line rounded-lg bg-accent-soft p-3 text-base">{rulesText}</div>
      ) : null}
      <div className="flex flex-col gap-1">
        <Checkbox
          name="acceptRules"
          defaultChecked={values.acceptRules === "on"}
          aria-invalid={errors.acceptRules ? true : undefined}
          aria-describedby="rules-error"
        >
          <span className="font-semibold">{t("acceptRules")}</span>
        </Checkbox>
        <FieldError id="rules-error" error={errors.acceptRules} />
      </div>
    </>
  );
}
