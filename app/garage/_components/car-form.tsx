"use client";

import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { FormError } from "@/components/form/form-error";
import { fieldBinder, useForm, type BoundFormAction } from "@/components/form/use-form";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { catalogue, findModel, INDIVIDUAL, modelLabel, OTHER_MODEL } from "@/lib/car-catalogue";
import { countryName, registrationCountries } from "@/lib/countries";
import { LIMITS } from "@/lib/schemas/limits";

export type CarFormValues = Record<string, string>;

export function CarForm({
  action: saveCar,
  initial,
  returnTo,
}: {
  action: BoundFormAction;
  initial: CarFormValues;
  returnTo: string;
}) {
  const t = useTranslations("carForm");
  const locale = useLocale();
  const { action, pending, fieldErrors: errors, values: submitted, formError } = useForm(saveCar);
  // A refused form echoes only what it was sent; the car's stored values fill the rest.
  const values = { ...initial, ...submitted };
  const field = fieldBinder(errors, values);
  const [modelCode, setModelCode] = useState(values.model || catalogue[0]!.code);
  const [colour, setColour] = useState(values.colour ?? "");
  const model = findModel(modelCode);
  const other = modelCode === OTHER_MODEL;
  return (
    <form action={action} noValidate className="flex flex-col gap-4" key={JSON.stringify(submitted)}>
      <input type="hidden" name="returnTo" value={returnTo} />
      <FormError message={formError} />
      <SelectField
        name="model"
        label={t("model")}
        value={modelCode}
        onChange={(e) => setModelCode(e.target.value)}
        error={errors.model}
      >
        {catalogue.map((m) => (
          <option key={m.code} value={m.code}>
            {modelLabel(m)}
          </option>
        ))}
        <option value={OTHER_MODEL}>{t("otherModel")}</option>
      </SelectField>
      {other ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field {...field("make")} label={t("make")} autoComplete="off" maxLength={LIMITS.make} />
          <Field {...field("modelName")} label={t("modelName")} autoComplete="off" maxLength={LIMITS.modelName} />
        </div>
      ) : null}
      <Field
        {...field("year")}
        label={t("year")}
        type="number"
        inputMode="numeric"
        hint={model ? t("yearsBuilt", { from: model.yearsBuilt[0], to: model.yearsBuilt[1] }) : undefined}
      />
      {other ? (
        <Field {...field("colour")} label={t("colour")} maxLength={LIMITS.colour} />
      ) : (
        <SelectField
          name="colour"
          label={t("colour")}
          value={colour}
          onChange={(e) => setColour(e.target.value)}
          error={errors.colour}
        >
          <option value="">{t("chooseColour")}</option>
          {model?.colours.map((c) => (
            <option key={c.name} value={c.name}>
              {c.name}
            </option>
          ))}
          {model?.individualPaint ? <option value={INDIVIDUAL}>{INDIVIDUAL}</option> : null}
        </SelectField>
      )}
      {colour === INDIVIDUAL ? (
        <Field
          {...field("individualColour")}
          label={t("individualColour")}
          hint={t("individualHint")}
          maxLength={LIMITS.individualColour}
        />
      ) : null}
      <Field
        {...field("vin")}
        label={t("vin")}
        autoCapitalize="characters"
        autoComplete="off"
        spellCheck={false}
        hint={t("vinHint")}
      />
      <Field
        {...field("productionNumber")}
        label={t("productionNumber")}
        type="number"
        inputMode="numeric"
        hint={model?.numberBuilt ? t("productionHint", { max: model.numberBuilt }) : t("optional")}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          {...field("plate")}
          label={t("plate")}
          autoCapitalize="characters"
          autoComplete="off"
          maxLength={LIMITS.plate}
        />
        <SelectField {...field("plateCountry")} label={t("plateCountry")} defaultValue={values.plateCountry || "DE"}>
          {registrationCountries.map((code) => (
            <option key={code} value={code}>
              {countryName(code, locale)}
            </option>
          ))}
        </SelectField>
      </div>
      <Field {...field("nickname")} label={t("nickname")} hint={t("optional")} maxLength={LIMITS.nickname} />
      <Field
        {...field("noiseDb")}
        label={t("noiseDb")}
        type="number"
        inputMode="numeric"
        hint={t("noiseHint")}
        className="sm:max-w-xs"
      />
      <Button type="submit" disabled={pending}>
        {t("save")}
      </Button>
    </form>
  );
}
