"use client";

import { useTranslations } from "next-intl";
import { useForm, type BoundFormAction } from "@/components/form/use-form";
import { FormError } from "@/components/form/form-error";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import type { FormResult } from "@/lib/form-result";
import { LIMITS } from "@/lib/schemas/limits";

export function InviteForm({ action: invite }: { action: BoundFormAction<FormResult<{ sentTo?: string }>> }) {
  const t = useTranslations("organise");
  const { state, action, pending, failed, values, field, formError } = useForm(invite);
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
      <FormError message={formError} />
      <Field {...field("email")} type="email" label={t("inviteEmail")} maxLength={LIMITS.email} />
      <SelectField {...field("role")} label={t("role")} defaultValue={values.role ?? "organiser"}>
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
