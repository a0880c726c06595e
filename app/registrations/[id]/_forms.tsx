"use client";

import { useTranslations } from "next-intl";
import { useForm, type BoundFormAction } from "@/components/form/use-form";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";

export function CancelRegistration({ action: cancelAction }: { action: BoundFormAction }) {
  const t = useTranslations("registration");
  const { action, pending, formError } = useForm(cancelAction);
  return (
    <form action={action} className="flex flex-col gap-3">
      <p className="text-base">{t("cancelExplain")}</p>
      {formError ? (
        <Notice tone="danger" role="alert">
          {formError}
        </Notice>
      ) : null}
      <Button type="submit" variant="danger" disabled={pending}>
        {t("cancelYes")}
      </Button>
    </form>
  );
}

type Option = { id: string; name: string; detail: string; checked: boolean };

export function ChangeSessions({ action: changeAction, options }: { action: BoundFormAction; options: Option[] }) {
  const t = useTranslations("registration");
  const { action, pending, fieldErrors: errors, formError } = useForm(changeAction);
  return (
    <form action={action} className="flex flex-col gap-2">
      {formError ? (
        <Notice tone="danger" role="alert">
          {formError}
        </Notice>
      ) : null}
      <fieldset className="flex flex-col gap-2" aria-describedby="change-sessions-error">
        <legend className="mb-1 text-base font-bold">{t("changeSessions")}</legend>
        {options.map((o) => (
          <label key={o.id} className="flex min-h-11 items-start gap-3 text-base">
            <input
              type="checkbox"
              name="sessionIds"
              value={o.id}
              defaultChecked={o.checked}
              className="mt-1 h-5 w-5 shrink-0"
            />
            <span>
              <span className="font-semibold">{o.name}</span> <span className="text-sm text-muted">{o.detail}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <p id="change-sessions-error" aria-live="polite" className="text-sm font-medium text-danger empty:hidden">
        {errors.sessionIds ?? ""}
      </p>
      <Button type="submit" variant="secondary" disabled={pending} className="self-start">
        {t("saveSessions")}
      </Button>
    </form>
  );
}
