"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { initialFormResult, type FormResult } from "@/lib/form-result";

// Actions arrive bound on the server (page.tsx): a `.bind` in this Client Component leaves a form posted
// without JavaScript pending forever when the action returns a result instead of redirecting (vercel/next.js#98045).
type FormAction = (prev: FormResult, formData: FormData) => Promise<FormResult>;

export function CancelRegistration({ action: cancelAction }: { action: FormAction }) {
  const t = useTranslations("registration");
  const [state, action, pending] = useActionState(cancelAction, initialFormResult);
  return (
    <form action={action} className="flex flex-col gap-3">
      <p className="text-base">{t("cancelExplain")}</p>
      {!state.ok && state.formError ? <Notice tone="danger" role="alert">{state.formError}</Notice> : null}
      <Button type="submit" variant="danger" disabled={pending}>{t("cancelYes")}</Button>
    </form>
  );
}

type Option = { id: string; name: string; detail: string; checked: boolean };

export function ChangeSessions({ action: changeAction, options }: { action: FormAction; options: Option[] }) {
  const t = useTranslations("registration");
  const [state, action, pending] = useActionState(changeAction, initialFormResult);
  const errors = state.ok ? {} : (state.fieldErrors ?? {});
  return (
    <form action={action} className="flex flex-col gap-2">
      {!state.ok && state.formError ? <Notice tone="danger" role="alert">{state.formError}</Notice> : null}
      <fieldset className="flex flex-col gap-2" aria-describedby="change-sessions-error">
        <legend className="mb-1 text-base font-bold">{t("changeSessions")}</legend>
        {options.map((o) => (
          <label key={o.id} className="flex min-h-11 items-start gap-3 text-base">
            <input type="checkbox" name="sessionIds" value={o.id} defaultChecked={o.checked} className="mt-1 h-5 w-5 shrink-0" />
            <span>
              <span className="font-semibold">{o.name}</span> <span className="text-sm text-muted">{o.detail}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <p id="change-sessions-error" aria-live="polite" className="text-sm font-medium text-danger empty:hidden">{errors.sessionIds ?? ""}</p>
      <Button type="submit" variant="secondary" disabled={pending} className="self-start">{t("saveSessions")}</Button>
    </form>
  );
}
