"use client";

import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { useForm, type BoundFormAction, type FieldBinding } from "@/components/form/use-form";
import { FormError } from "@/components/form/form-error";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { BULK_FORM_ID } from "./roster-table";
import { LIMITS } from "@/lib/schemas/limits";

export type SessionOption = { id: string; label: string };

const shortId: Record<string, string> = { fromSessionId: "from", toSessionId: "to" };

/**
 * A roster change's form. A refusal of the chosen rows (`ids`) is said above the form, as a whole;
 * `field(name)` binds a field and gives it an id unique on the page (`move-reason`).
 */
function useChangeForm(action: BoundFormAction, idPrefix: string) {
  const { action: formAction, pending, fieldErrors, values, field, formError } = useForm(action);
  const bind = (name: string) => ({ ...field(name), id: `${idPrefix}-${shortId[name] ?? name}` });
  return { formAction, pending, values, field: bind, formError: formError ?? fieldErrors.ids };
}

type Bound = FieldBinding & { id: string };

/** A change's form under its heading, with what it does and its refusal above the fields. */
function TitledForm(props: { id: string; title: string; intro?: string; error?: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-3">
      <h2 id={`${props.id}-title`} className="text-lg font-bold">
        {props.title}
      </h2>
      {props.intro ? <p className="text-base">{props.intro}</p> : null}
      <FormError message={props.error} />
      {props.children}
    </div>
  );
}

function SessionSelect({ label, options, ...bound }: Bound & { label: string; options: SessionOption[] }) {
  const t = useTranslations("roster");
  return (
    <SelectField {...bound} label={label}>
      <option value="">{t("chooseSession")}</option>
      {options.map((o) => (
        <option key={o.id} value={o.id}>
          {o.label}
        </option>
      ))}
    </SelectField>
  );
}

function Reason(props: Bound & { label: string; required?: boolean }) {
  const t = useTranslations("roster");
  return <Field {...props} hint={t("reasonHint")} maxLength={LIMITS.reason} />;
}

function Overbook(bound: Bound) {
  const t = useTranslations("roster");
  return (
    <Field
      {...bound}
      type="number"
      inputMode="numeric"
      min={0}
      max={100}
      label={t("overbook")}
      hint={t("overbookHint")}
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
  const { formAction, pending, values, field, formError } = useChangeForm(action, "bulk");
  const [intent, setIntent] = useState(values.intent || "move");
  const selectPage = () => {
    const boxes = [...document.querySelectorAll<HTMLInputElement>(`input[type=checkbox][form="${BULK_FORM_ID}"]`)];
    const all = boxes.every((b) => b.checked);
    for (const b of boxes) b.checked = !all;
  };
  return (
    <form id={BULK_FORM_ID} action={formAction} aria-labelledby="bulk-title">
      <TitledForm id="bulk" title={t("bulk")} intro={t("bulkHint")} error={formError}>
        <input type="hidden" name="returnTo" value={returnTo} />
        <Button variant="secondary" onClick={selectPage} className="self-start">
          {t("selectPage")}
        </Button>
        <SelectField
          {...field("intent")}
          label={t("intent")}
          defaultValue={undefined}
          value={intent}
          onChange={(e) => setIntent(e.target.value)}
          className="sm:max-w-md"
        >
          <option value="move">{t("intentMove")}</option>
          <option value="remove">{t("intentRemove")}</option>
        </SelectField>
        {intent === "move" ? (
          <div className="grid gap-3 sm:grid-cols-2">
            <SessionSelect {...field("fromSessionId")} label={t("from")} options={sessions} />
            <SessionSelect {...field("toSessionId")} label={t("to")} options={sessions} />
            <Overbook {...field("overbook")} />
          </div>
        ) : null}
        <Reason {...field("reason")} label={intent === "move" ? t("reasonOptional") : t("reason")} />
        <Button
          type="submit"
          variant={intent === "remove" ? "danger" : "primary"}
          disabled={pending}
          className="self-start"
        >
          {t("applySelected")}
        </Button>
      </TitledForm>
    </form>
  );
}

/** Move one car from a session to another. */
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
  const { formAction, pending, field, formError } = useChangeForm(action, "move");
  const fromField = field("fromSessionId");
  // With one session to move from, it is chosen already.
  if (!fromField.defaultValue && from.length === 1) fromField.defaultValue = from[0]!.id;
  return (
    <form action={formAction} aria-labelledby="move-title">
      <TitledForm id="move" title={t("move")} error={formError}>
        <div className="grid gap-3 sm:grid-cols-2">
          <SessionSelect {...fromField} label={tr("from")} options={from} />
          <SessionSelect {...field("toSessionId")} label={tr("to")} options={to} />
        </div>
        <Overbook {...field("overbook")} />
        <Reason {...field("reason")} label={tr("reasonOptional")} />
        <Button type="submit" disabled={pending} className="self-start">
          {t("moveButton")}
        </Button>
      </TitledForm>
    </form>
  );
}

/** Give a waiting car a place in one session, with a reason. */
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
  const { formAction, pending, field, formError } = useChangeForm(action, `promote-${session.id}`);
  return (
    <form action={formAction} className="flex flex-col gap-3 border-t border-line pt-3 first:border-t-0 first:pt-0">
      <p className="text-base">{explain}</p>
      <FormError message={formError} />
      <input type="hidden" name="sessionId" value={session.id} />
      <Reason {...field("reason")} label={tr("reason")} required />
      <Overbook {...field("overbook")} />
      <Button type="submit" disabled={pending} className="self-start">
        {button}
      </Button>
    </form>
  );
}

/** Take the car off the meet, with a reason the owner is told. */
export function RemoveForm({ action }: { action: BoundFormAction }) {
  const t = useTranslations("roster.detail");
  const tr = useTranslations("roster");
  const { formAction, pending, field, formError } = useChangeForm(action, "remove");
  return (
    <form action={formAction} aria-labelledby="remove-title">
      <TitledForm id="remove" title={t("remove")} intro={t("removeExplain")} error={formError}>
        <Reason {...field("reason")} label={tr("reason")} required />
        <Button type="submit" variant="danger" disabled={pending} className="self-start">
          {t("removeButton")}
        </Button>
      </TitledForm>
    </form>
  );
}
