"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm, type BoundFormAction } from "@/components/form/use-form";
import { FormError } from "@/components/form/form-error";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { BULK_FORM_ID } from "./roster-table";
import { LIMITS } from "@/lib/schemas/limits";

export type SessionOption = { id: string; label: string };

/** A roster change's form; a refusal of the chosen rows (`ids`) is said above the form, as a whole. */
function useChangeForm(action: BoundFormAction) {
  const { action: formAction, pending, fieldErrors: errors, values, formError } = useForm(action);
  return { formAction, pending, errors, values, formError: formError ?? errors.ids };
}

function SessionSelect({
  name,
  label,
  options,
  error,
  value,
  id,
}: {
  name: string;
  label: string;
  options: SessionOption[];
  error?: string;
  value?: string;
  id: string;
}) {
  const t = useTranslations("roster");
  return (
    <SelectField name={name} id={id} label={label} error={error} defaultValue={value ?? ""}>
      <option value="">{t("chooseSession")}</option>
      {options.map((o) => (
        <option key={o.id} value={o.id}>
          {o.label}
        </option>
      ))}
    </SelectField>
  );
}

function Reason(props: { id: string; label: string; error?: string; value?: string; required?: boolean }) {
  const t = useTranslations("roster");
  const { value, ...rest } = props;
  return <Field name="reason" hint={t("reasonHint")} defaultValue={value} maxLength={LIMITS.reason} {...rest} />;
}

function Overbook({ id, error, value }: { id: string; error?: string; value?: string }) {
  const t = useTranslations("roster");
  return (
    <Field
      name="overbook"
      id={id}
      type="number"
      inputMode="numeric"
      min={0}
      max={100}
      label={t("overbook")}
      hint={t("overbookHint")}
      error={error}
      defaultValue={value ?? ""}
      className="sm:max-w-xs"
    />
  );
}

/** Move or remove the rows ticked in the table (their boxes belong to this form by its id). */
export function BulkForm({
  action,
  sessions,
  returnTo,
}: {
  action: BoundFormAction;
  sessions: SessionOption[];
  returnTo: string;
}) {
  const t = useTranslations("roster");
  const { formAction, pending, errors, values, formError } = useChangeForm(action);
  const [intent, setIntent] = useState(values.intent || "move");
  const selectPage = () => {
    const boxes = [...document.querySelectorAll<HTMLInputElement>(`input[type=checkbox][form="${BULK_FORM_ID}"]`)];
    const all = boxes.every((b) => b.checked);
    for (const b of boxes) b.checked = !all;
  };
  return (
    <form id={BULK_FORM_ID} action={formAction} className="flex flex-col gap-3" aria-labelledby="bulk-title">
      <h2 id="bulk-title" className="text-lg font-bold">
        {t("bulk")}
      </h2>
      <p className="text-sm text-muted">{t("bulkHint")}</p>
      <FormError message={formError} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <Button variant="secondary" onClick={selectPage} className="self-start">
        {t("selectPage")}
      </Button>
      <SelectField
        name="intent"
        id="bulk-intent"
        label={t("intent")}
        error={errors.intent}
        value={intent}
        onChange={(e) => setIntent(e.target.value)}
        className="sm:max-w-md"
      >
        <option value="move">{t("intentMove")}</option>
        <option value="remove">{t("intentRemove")}</option>
      </SelectField>
      {intent === "move" ? (
        <div className="grid gap-3 sm:grid-cols-2">
          <SessionSelect
            name="fromSessionId"
            id="bulk-from"
            label={t("from")}
            options={sessions}
            error={errors.fromSessionId}
            value={values.fromSessionId}
          />
          <SessionSelect
            name="toSessionId"
            id="bulk-to"
            label={t("to")}
            options={sessions}
            error={errors.toSessionId}
            value={values.toSessionId}
          />
          <Overbook id="bulk-overbook" error={errors.overbook} value={values.overbook} />
        </div>
      ) : null}
      <Reason
        id="bulk-reason"
        label={intent === "move" ? t("reasonOptional") : t("reason")}
        error={errors.reason}
        value={values.reason}
      />
      <Button
        type="submit"
        variant={intent === "remove" ? "danger" : "primary"}
        disabled={pending}
        className="self-start"
      >
        {t("applySelected")}
      </Button>
    </form>
  );
}

export function MoveForm({
  action,
  from,
  to,
}: {
  action: BoundFormAction;
  from: SessionOption[];
  to: SessionOption[];
}) {
  const t = useTranslations("roster.detail");
  const tr = useTranslations("roster");
  const { formAction, pending, errors, values, formError } = useChangeForm(action);
  return (
    <form action={formAction} className="flex flex-col gap-3" aria-labelledby="move-title">
      <h2 id="move-title" className="text-lg font-bold">
        {t("move")}
      </h2>
      <FormError message={formError} />
      <div className="grid gap-3 sm:grid-cols-2">
        <SessionSelect
          name="fromSessionId"
          id="move-from"
          label={tr("from")}
          options={from}
          error={errors.fromSessionId}
          value={values.fromSessionId ?? (from.length === 1 ? from[0]!.id : "")}
        />
        <SessionSelect
          name="toSessionId"
          id="move-to"
          label={tr("to")}
          options={to}
          error={errors.toSessionId}
          value={values.toSessionId}
        />
      </div>
      <Overbook id="move-overbook" error={errors.overbook} value={values.overbook} />
      <Reason id="move-reason" label={tr("reasonOptional")} error={errors.reason} value={values.reason} />
      <Button type="submit" disabled={pending} className="self-start">
        {t("moveButton")}
      </Button>
    </form>
  );
}

export function PromoteForm({
  action,
  session,
  explain,
  button,
}: {
  action: BoundFormAction;
  session: SessionOption;
  explain: string;
  button: string;
}) {
  const tr = useTranslations("roster");
  const { formAction, pending, errors, values, formError } = useChangeForm(action);
  const id = `promote-${session.id}`;
  return (
    <form action={formAction} className="flex flex-col gap-3 border-t border-line pt-3 first:border-t-0 first:pt-0">
      <p className="text-base">{explain}</p>
      <FormError message={formError} />
      <input type="hidden" name="sessionId" value={session.id} />
      <Reason id={`${id}-reason`} label={tr("reason")} error={errors.reason} value={values.reason} required />
      <Overbook id={`${id}-overbook`} error={errors.overbook} value={values.overbook} />
      <Button type="submit" disabled={pending} className="self-start">
        {button}
      </Button>
    </form>
  );
}

export function RemoveForm({ action }: { action: BoundFormAction }) {
  const t = useTranslations("roster.detail");
  const tr = useTranslations("roster");
  const { formAction, pending, errors, values, formError } = useChangeForm(action);
  return (
    <form action={formAction} className="flex flex-col gap-3" aria-labelledby="remove-title">
      <h2 id="remove-title" className="text-lg font-bold">
        {t("remove")}
      </h2>
      <p className="text-base">{t("removeExplain")}</p>
      <FormError message={formError} />
      <Reason id="remove-reason" label={tr("reason")} error={errors.reason} value={values.reason} required />
      <Button type="submit" variant="danger" disabled={pending} className="self-start">
        {t("removeButton")}
      </Button>
    </form>
  );
}
