"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { LIMITS } from "@/lib/schemas/limits";

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
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          name="secondDriverName"
          label={t("secondDriver")}
          hint={t("optional")}
          defaultValue={values.secondDriverName}
          error={errors.secondDriverName}
          autoComplete="off"
          maxLength={LIMITS.secondDriverName}
        />
        <Field
          name="secondDriverEmail"
          type="email"
          label={t("secondDriverEmail")}
          hint={t("secondDriverHint")}
          defaultValue={values.secondDriverEmail}
          error={errors.secondDriverEmail}
          autoComplete="off"
          maxLength={LIMITS.email}
        />
      </div>
      {rulesText ? (
        <div className="whitespace-pre-line rounded-lg bg-accent-soft p-3 text-base">{rulesText}</div>
      ) : null}
      <div className="flex flex-col gap-1">
        <label className="flex min-h-11 items-center gap-3 text-base font-semibold">
          <input
            type="checkbox"
            name="acceptRules"
            defaultChecked={values.acceptRules === "on"}
            aria-invalid={errors.acceptRules ? true : undefined}
            aria-describedby="rules-error"
            className="h-5 w-5"
          />
          {t("acceptRules")}
        </label>
        <p id="rules-error" aria-live="polite" className="text-sm font-medium text-danger empty:hidden">
          {errors.acceptRules ?? ""}
        </p>
      </div>
    </>
  );
}
