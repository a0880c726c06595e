"use client";

import { useTranslations } from "next-intl";
import { ConfirmForm } from "@/components/form/confirm-form";
import { FormError } from "@/components/form/form-error";
import { useForm, type BoundFormAction } from "@/components/form/use-form";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field";
import { Checkbox } from "@/components/ui/checkbox";

export function CancelRegistration({ action }: { action: BoundFormAction }) {
  const t = useTranslations("registration");
  return <ConfirmForm action={action} explain={t("cancelExplain")} button={t("cancelYes")} />;
}

type Option = { id: string; name: string; detail: string; checked: boolean };

export function ChangeSessions({ action: changeAction, options }: { action: BoundFormAction; options: Option[] }) {
  const t = useTranslations("registration");
  const { action, pending, fieldErrors: errors, formError } = useForm(changeAction);
  return (
    <form action={action} className="flex flex-col gap-2">
      <FormError message={formError} />
      <fieldset className="flex flex-col gap-2" aria-describedby="change-sessions-error">
        <legend className="mb-1 text-base font-bold">{t("changeSessions")}</legend>
        {options.map((o) => (
          <Checkbox key={o.id} name="sessionIds" value={o.id} defaultChecked={o.checked} multiline>
            <span>
              <span className="font-semibold">{o.name}</span> <span className="text-sm text-muted">{o.detail}</span>
            </span>
          </Checkbox>
        ))}
      </fieldset>
      <FieldError id="change-sessions-error" error={errors.sessionIds} />
      <Button type="submit" variant="secondary" disabled={pending} className="self-start">
        {t("saveSessions")}
      </Button>
    </form>
  );
}
