"use client";

import { useTranslations } from "next-intl";
import { useForm, type BoundFormAction } from "@/components/form/use-form";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";

export function RemoveCar({ action: deleteCar }: { action: BoundFormAction }) {
  const t = useTranslations("carForm");
  const { action, pending, formError } = useForm(deleteCar);
  return (
    <form action={action} className="flex flex-col gap-3">
      <p className="text-base">{t("removeConfirm")}</p>
      {formError ? (
        <Notice tone="danger" role="alert">
          {formError}
        </Notice>
      ) : null}
      <Button type="submit" variant="danger" disabled={pending}>
        {t("removeYes")}
      </Button>
    </form>
  );
}
