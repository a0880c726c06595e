"use client";

import { useLocale, useTranslations } from "next-intl";
import { fieldBinder, useForm, type FieldBinding } from "@/components/form/use-form";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { countryName, registrationCountries } from "@/lib/countries";
import { EXPERIENCE_LEVELS } from "@/lib/paperwork";
import { saveProfileAction } from "../actions";
import { LIMITS } from "@/lib/schemas/limits";

export function ProfileForm({ initial, returnTo }: { initial: Record<string, string>; returnTo?: string }) {
  const t = useTranslations("account");
  const locale = useLocale();
  const { state, action, pending, fieldErrors, values: shown } = useForm(saveProfileAction, { initialValues: initial });
  const values = { ...initial, ...shown };
  const field = fieldBinder(fieldErrors, values);
  return (
    <form action={action} noValidate className="flex flex-col gap-4" key={JSON.stringify(shown)}>
      {returnTo ? <input type="hidden" name="returnTo" value={returnTo} /> : null}
      {state.ok && state.saved ? (
        <Notice tone="success" role="status">
          {t("saved")}
        </Notice>
      ) : null}
      <Field {...field("fullName")} label={t("fullName")} autoComplete="name" required maxLength={LIMITS.fullName} />
      <Field
        {...field("displayName")}
        label={t("displayName")}
        autoComplete="nickname"
        hint={t("displayNameHint")}
        maxLength={LIMITS.displayName}
      />
      <SelectField {...field("country")} label={t("country")}>
        <option value="">{t("noCountry")}</option>
        {registrationCountries.map((code) => (
          <option key={code} value={code}>
            {countryName(code, locale)}
          </option>
        ))}
      </SelectField>
      <Field {...field("phone")} label={t("phone")} type="tel" autoComplete="tel" hint={t("phoneHint")} />
      <SelectField {...field("locale")} label={t("language")} defaultValue={values.locale || locale}>
        <option value="en">English</option>
        <option value="de">Deutsch</option>
      </SelectField>
      <DriverDetails field={field} />
      <Button type="submit" disabled={pending}>
        {t("save")}
      </Button>
    </form>
  );
}

/** What meet-day paperwork may ask; each event says which it requires (lib/paperwork.ts). */
function DriverDetails({ field }: { field: (name: string) => FieldBinding }) {
  const t = useTranslations("paperwork");
  const locale = useLocale();
  return (
    <fieldset className="flex flex-col gap-4 border-t border-line pt-4">
      <legend className="text-lg font-bold">{t("driverDetails")}</legend>
      <p className="text-sm text-muted">{t("driverDetailsHint")}</p>
      <Field
        {...field("licenceNumber")}
        label={t("licenceNumber")}
        autoComplete="off"
        maxLength={LIMITS.licenceNumber}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField {...field("licenceCountry")} label={t("licenceCountry")}>
          <option value="">{t("notGiven")}</option>
          {registrationCountries.map((code) => (
            <option key={code} value={code}>
              {countryName(code, locale)}
            </option>
          ))}
        </SelectField>
        <Field {...field("licenceValidUntil")} type="date" label={t("licenceValidUntil")} />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field {...field("emergencyName")} label={t("emergencyName")} maxLength={LIMITS.fullName} />
        <Field {...field("emergencyPhone")} type="tel" label={t("emergencyPhone")} />
      </div>
      <SelectField {...field("experience")} label={t("experience")}>
        <option value="">{t("notGiven")}</option>
        {EXPERIENCE_LEVELS.map((level) => (
          <option key={level} value={level}>
            {t(`levels.${level}`)}
          </option>
        ))}
      </SelectField>
    </fieldset>
  );
}
