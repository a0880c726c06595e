"use client";

import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { useForm, type BoundFormAction } from "@/components/form/use-form";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
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
  const values = { ...initial, ...submitted };
  const [modelCode, setModelCode] = useState(values.model || catalogue[0]!.code);
  const [colour, setColour] = useState(values.colour ?? "");
  const model = findModel(modelCode);
  const other = modelCode === OTHER_MODEL;
  const v = (name: string) => values[name] ?? "";
  return (
    <form action={action} noValidate className="flex flex-col gap-4" key={JSON.stringify(submitted)}>
      <input type="hidden" name="returnTo" value={returnTo} />
      {formError ? (
        <Notice tone="danger" role="alert">
          {formError}
        </Notice>
      ) : null}
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
          <Field
            name="make"
            label={t("make")}
            defaultValue={v("make")}
            error={errors.make}
            autoComplete="off"
            maxLength={LIMITS.make}
          />
          <Field
            name="modelName"
            label={t("modelName")}
            defaultValue={v("modelName")}
            error={errors.modelName}
            autoComplete="off"
            maxLength={LIMITS.modelName}
          />
        </div>
      ) : null}
      <Field
        name="year"
        label={t("year")}
        type="number"
        inputMode="numeric"
        defaultValue={v("year")}
        error={errors.year}
        hint={model ? t("yearsBuilt", { from: model.yearsBuilt[0], to: model.yearsBuilt[1] }) : undefined}
      />
      {other ? (
        <Field
          name="colour"
          label={t("colour")}
          defaultValue={v("colour")}
          error={errors.colour}
          maxLength={LIMITS.colour}
        />
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
          name="individualColour"
          label={t("individualColour")}
          defaultValue={v("individualColour")}
          error={errors.individualColour}
          hint={t("individualHint")}
          maxLength={LIMITS.individualColour}
        />
      ) : null}
      <Field
        name="vin"
        label={t("vin")}
        defaultValue={v("vin")}
        error={errors.vin}
        autoCapitalize="characters"
        autoComplete="off"
        spellCheck={false}
        hint={t("vinHint")}
      />
      <Field
        name="productionNumber"
        label={t("productionNumber")}
        type="number"
        inputMode="numeric"
        defaultValue={v("productionNumber")}
        error={errors.productionNumber}
        hint={model?.numberBuilt ? t("productionHint", { max: model.numberBuilt }) : t("optional")}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          name="plate"
          label={t("plate")}
          defaultValue={v("plate")}
          error={errors.plate}
          autoCapitalize="characters"
          autoComplete="off"
          maxLength={LIMITS.plate}
        />
        <SelectField
          name="plateCountry"
          label={t("plateCountry")}
          defaultValue={v("plateCountry") || "DE"}
          error={errors.plateCountry}
        >
          {registrationCountries.map((code) => (
            <option key={code} value={code}>
              {countryName(code, locale)}
            </option>
          ))}
        </SelectField>
      </div>
      <Field
        name="nickname"
        label={t("nickname")}
        defaultValue={v("nickname")}
        error={errors.nickname}
        hint={t("optional")}
        maxLength={LIMITS.nickname}
      />
      <Button type="submit" disabled={pending}>
        {t("save")}
      </Button>
    </form>
  );
}
