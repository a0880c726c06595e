"use client";

import { useTranslations } from "next-intl";
import { useForm, type BoundFormAction } from "@/components/form/use-form";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import type { FormResult } from "@/lib/form-result";
import { LIMITS } from "@/lib/schemas/limits";

export function InviteForm({ action: invite }: { action: BoundFormAction<FormResult<{ sentTo?: string }>> }) {
  const t = useTranslations("organise");
  const { state, action, pending, failed, fieldErrors, values, formError } = useForm(invite);
  return (
    <form
      action={action}
      noValidate
      className="flex flex-col gap-4"
      key={state.ok ? state.sentTo : JSON.stringify(failed?.values)}
    >
      {state.ok ? (
        <Notice tone="success" role="status">
          {t("invited", { email: state.sentTo ?? "" })}
        </Notice>
      ) : null}
      {formError ? (
        <Notice tone="danger" role="alert">
          {formError}
        </Notice>
      ) : null}
      <Field
        name="email"
        type="email"
        label={t("inviteEmail")}
        defaultValue={values.email}
        error={fieldErrors.email}
        maxLength={LIMITS.email}
      />
      <SelectField name="role" label={t("role")} defaultValue={values.role ?? "organiser"} error={fieldErrors.role}>
        <option value="admin">{t("roles.admin")}</option>
        <option value="organiser">{t("roles.organiser")}</option>
        <option value="gate">{t("roles.gate")}</option>
      </SelectField>
      <Button type="submit" disabled={pending}>
        {t("sendInvite")}
      </Button>
    </form>
  );
}
