"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { initialFormResult } from "@/lib/form-result";
import { deleteCarAction } from "../actions";

export function RemoveCar({ carId }: { carId: string }) {
  const t = useTranslations("carForm");
  const [state, action, pending] = useActionState(deleteCarAction.bind(null, carId), initialFormResult);
  return (
    <form action={action} className="flex flex-col gap-3">
      <p className="text-base">{t("removeConfirm")}</p>
      {!state.ok && state.formError ? <Notice tone="danger" role="alert">{state.formError}</Notice> : null}
      <Button type="submit" variant="danger" disabled={pending}>{t("removeYes")}</Button>
    </form>
  );
}
