"use client";

import { useLocale, useTranslations } from "next-intl";
import { useForm } from "@/components/form/use-form";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { countryName, registrationCountries } from "@/lib/countries";
import { saveProfileAction } from "../actions";
import { LIMITS } from "@/lib/schemas/limits";

export function ProfileForm({ initial, returnTo }: { initial: Record<string, string>; returnTo?: string }) {
  const t = useTranslations("account");
  const locale = useLocale();
  const {
    state,
    action,
    pending,
    fieldErrors: errors,
    values: shown,
  } = useForm(saveProfileAction, { initialValues: initial });
  const values = { ...initial, ...shown };
  return (
    <form action={action} noValidate className="flex flex-col gap-4" key={JSON.stringify(shown)}>
      {returnTo ? <input type="hidden" name="returnTo" value={returnTo} /> : null}
      {state.ok && state.saved ? (
        <Notice tone="success" role="status">
          {t("saved")}
        </Notice>
      ) : null}
      <Field
        name="fullName"
        label={t("fullName")}
        autoComplete="name"
        defaultValue={values.fullName}
        error={errors.fullName}
        required
        maxLength={LIMITS.fullName}
      />
      <Field
        name="displayName"
        label={t("displayName")}
        autoComplete="nickname"
        defaultValue={values.displayName}
        error={errors.displayName}
        hint={t("displayNameHint")}
        maxLength={LIMITS.displayName}
      />
      <SelectField name="country" label={t("country")} defaultValue={values.country ?? ""} error={errors.country}>
        <option value="">{t("noCountry")}</option>
        {registrationCountries.map((code) => (
          <option key={code} value={code}>
            {countryName(code, locale)}
          </option>
        ))}
      </SelectField>
      <Field
        name="phone"
        label={t("phone")}
        type="tel"
        autoComplete="tel"
        defaultValue={values.phone}
        error={errors.phone}
        hint={t("phoneHint")}
      />
      <SelectField name="locale" label={t("language")} defaultValue={values.locale || locale} error={errors.locale}>
        <option value="en">English</option>
        <option value="de">Deutsch</option>
      </SelectField>
      <Button type="submit" disabled={pending}>
        {t("save")}
      </Button>
    </form>
  );
}
