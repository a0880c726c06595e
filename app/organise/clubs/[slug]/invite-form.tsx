"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import type { FormResult } from "@/lib/form-result";
import { LIMITS } from "@/lib/schemas/limits";

// Bound on the server (the page), not here: a .bind in a client component hangs no-JS submissions (vercel/next.js#98045).
export function InviteForm({ action: invite }: { action: (prev: FormResult<{ sentTo?: string }>, formData: FormData) => Promise<FormResult<{ sentTo?: string }>> }) {
  const t = useTranslations("organise");
  const [state, action, pending] = useActionState(invite, { ok: false });
  const failed = state.ok ? undefined : state;
  return (
    <form action={action} noValidate className="flex flex-col gap-4" key={state.ok ? state.sentTo : JSON.stringify(failed?.values)}>
      {state.ok ? <Notice tone="success" role="status">{t("invited", { email: state.sentTo ?? "" })}</Notice> : null}
      {failed?.formError ? <Notice tone="danger" role="alert">{failed.formError}</Notice> : null}
      <Field name="email" type="email" label={t("inviteEmail")} defaultValue={failed?.values?.email} error={failed?.fieldErrors?.email} maxLength={LIMITS.email} />
      <SelectField name="role" label={t("role")} defaultValue={failed?.values?.role ?? "organiser"} error={failed?.fieldErrors?.role}>
        <option value="admin">{t("roles.admin")}</option>
        <option value="organiser">{t("roles.organiser")}</option>
        <option value="gate">{t("roles.gate")}</option>
      </SelectField>
      <Button type="submit" disabled={pending}>{t("sendInvite")}</Button>
    </form>
  );
}
