"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { initialFormResult, type FormResult } from "@/lib/form-result";

// Bound on the server (the page), not here: a .bind in a client component hangs no-JS submissions (vercel/next.js#98045).
export function RemoveCar({ action: deleteCar }: { action: (prev: FormResult, formData: FormData) => Promise<FormResult> }) {
  const t = useTranslations("carForm");
  const [state, action, pending] = useActionState(deleteCar, initialFormResult);
  return (
    <form action={action} className="flex flex-col gap-3">
      <p className="text-base">{t("removeConfirm")}</p>
      {!state.ok && state.formError ? <Notice tone="danger" role="alert">{state.formError}</Notice> : null}
      <Button type="submit" variant="danger" disabled={pending}>{t("removeYes")}</Button>
    </form>
  );
}
