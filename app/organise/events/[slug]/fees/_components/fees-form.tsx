"use client";

import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { FormError } from "@/components/form/form-error";
import { useForm, type BoundFormAction, type FieldBinding } from "@/components/form/use-form";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Field, SelectField } from "@/components/ui/field";
import { TRANSFER_RULES } from "@/lib/payments/transfer-rules";
import { LIMITS } from "@/lib/schemas/limits";
import type { FeesFormState } from "../actions";

type Session = { id: string; name: string };
type Props = { action: BoundFormAction<FeesFormState>; initial: Record<string, string>; sessions: Session[] };
type Part = { field: (name: string) => FieldBinding; values: Record<string, string> };

// Amounts are text, not type="number": "1.234,50" is how a German types a price, and a number
// input would refuse it or read it as 1.2345.
const money = { inputMode: "decimal", autoComplete: "off", className: "sm:max-w-xs" } as const;
const code = { autoComplete: "off", autoCapitalize: "characters", spellCheck: false } as const;
const count = (min: number, max: number) => ({ type: "number", inputMode: "numeric", min, max }) as const;

export function FeesForm({ action: save, initial, sessions }: Props) {
  const t = useTranslations("fees");
  const { action, pending, fieldErrors, values, field, formError } = useForm(save, { initialValues: initial });
  const invalid = Object.keys(fieldErrors).length > 0;
  const part = { field, values };
  return (
    <form action={action} noValidate className="flex flex-col gap-5" key={JSON.stringify(values)}>
      <FormError message={formError ?? (invalid ? t("fixErrors") : undefined)} />
      <Section legend={t("prices")} hint={t("pricesHint")}>
        <Field {...field("entry")} {...money} label={t("entry")} hint={t("entryHint")} />
        {sessions.map((s, i) => (
          <Field
            key={s.id}
            {...field(`price.${s.id}`)}
            {...money}
            id={`price-${i}`}
            label={t("sessionPrice", { session: s.name })}
          />
        ))}
      </Section>
      <AccountFields {...part} />
      <PaymentFields {...part} />
      <PlaceFields {...part} />
      <Button type="submit" disabled={pending} className="self-start">
        {t("save")}
      </Button>
    </form>
  );
}

function Section({ legend, hint, children }: { legend: string; hint?: string; children: ReactNode }) {
  return (
    <fieldset className="flex flex-col gap-3 rounded-xl border border-line bg-surface p-3 sm:p-4">
      <legend className="px-1 text-base font-bold">{legend}</legend>
      {hint ? <p className="text-sm text-muted">{hint}</p> : null}
      {children}
    </fieldset>
  );
}

function AccountFields({ field }: Part) {
  const t = useTranslations("fees");
  return (
    <Section legend={t("account")} hint={t("accountHint")}>
      <Field {...field("accountHolder")} label={t("accountHolder")} maxLength={LIMITS.accountHolder} />
      <div className="grid gap-3 sm:grid-cols-[2fr_1fr]">
        <Field {...field("iban")} {...code} label={t("iban")} maxLength={42} />
        <Field {...field("bic")} {...code} label={t("bic")} hint={t("bicHint")} maxLength={14} />
      </div>
    </Section>
  );
}

function PaymentFields({ field }: Part) {
  const t = useTranslations("fees");
  return (
    <Section legend={t("payment")}>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field
          {...field("payWithinDays")}
          {...count(1, 365)}
          label={t("payWithinDays")}
          hint={t("payWithinDaysHint")}
        />
        <Field {...field("fullRefundUntil")} type="date" label={t("fullRefundUntil")} hint={t("fullRefundUntilHint")} />
      </div>
    </Section>
  );
}

function PlaceFields({ field, values }: Part) {
  const t = useTranslations("fees");
  return (
    <Section legend={t("places")}>
      <Checkbox
        name="offerFreedPlaces"
        defaultChecked={values.offerFreedPlaces === "on"}
        aria-describedby="offer-freed-places-hint"
      >
        {t("offerFreedPlaces")}
      </Checkbox>
      <p id="offer-freed-places-hint" className="-mt-2 text-sm text-muted">
        {t("offerFreedPlacesHint")}
      </p>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field {...field("offerHours")} type="number" inputMode="numeric" min={1} max={336} label={t("offerHours")} />
        <Field
          {...field("transfersUntil")}
          type="datetime-local"
          label={t("transfersUntil")}
          hint={t("transfersUntilHint")}
        />
      </div>
      <SelectField {...field("transferRule")} label={t("transferRule")}>
        {TRANSFER_RULES.map((rule) => (
          <option key={rule} value={rule}>
            {t(`transferRules.${rule}`)}
          </option>
        ))}
      </SelectField>
    </Section>
  );
}
