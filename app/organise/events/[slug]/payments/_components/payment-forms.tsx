"use client";

import { useTranslations } from "next-intl";
import { FormError } from "@/components/form/form-error";
import { useForm, type BoundFormAction } from "@/components/form/use-form";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";

/** "Bank statement (CAMT.053 or CSV)" and "Import statement": a plain multipart form, no script needed. */
export function ImportForm({ action: importAction }: { action: BoundFormAction }) {
  const t = useTranslations("payments");
  const { action, pending, fieldErrors, formError } = useForm(importAction);
  return (
    <form action={action} className="flex flex-col gap-3">
      <FormError message={formError} />
      <Field
        name="statement"
        type="file"
        label={t("statement")}
        hint={t("statementHint")}
        accept=".xml,.csv,.txt,application/xml,text/xml,text/csv"
        error={fieldErrors.statement}
        required
      />
      <Button type="submit" disabled={pending} className="self-start">
        {t("importStatement")}
      </Button>
    </form>
  );
}

export type Ambiguous = { line: number; label: string; candidates: { id: string; name: string }[] };

/** "Confirm import", with a choice for each line that could be more than one registration's. */
export function ConfirmImport({
  action: confirmAction,
  ambiguous,
}: {
  action: BoundFormAction;
  ambiguous: Ambiguous[];
}) {
  const t = useTranslations("payments");
  const { action, pending, formError } = useForm(confirmAction);
  return (
    <form action={action} className="flex flex-col gap-3">
      <FormError message={formError} />
      {ambiguous.map((a) => (
        <SelectField key={a.line} name={`assign.${a.line}`} label={t("assignLine", { line: a.label })} defaultValue="">
          <option value="">{t("leaveUnassigned")}</option>
          {a.candidates.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
      ))}
      <Button type="submit" disabled={pending} className="self-start">
        {t("confirmImport")}
      </Button>
    </form>
  );
}

/** A reason, then the button ("Mark as paid", "Grant refund"): each such change is audited. */
export function ReasonForm({
  action: reasonAction,
  button,
  id,
}: {
  action: BoundFormAction;
  button: string;
  id: string;
}) {
  const t = useTranslations("payments");
  const { action, pending, field, formError } = useForm(reasonAction);
  return (
    <form action={action} className="flex flex-col gap-2">
      <FormError message={formError} />
      <Field {...field("reason")} id={`reason-${id}`} label={t("reason")} required maxLength={500} />
      <Button type="submit" variant="secondary" disabled={pending} className="self-start">
        {button}
      </Button>
    </form>
  );
}
