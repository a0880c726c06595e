"use client";

import { useTranslations } from "next-intl";
import { FormError } from "@/components/form/form-error";
import { useForm, type BoundFormAction } from "@/components/form/use-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

/** "Email of the new owner" and "Offer transfer". */
export function TransferForm({ action: offerAction }: { action: BoundFormAction }) {
  const t = useTranslations("payments");
  const { action, pending, field, formError } = useForm(offerAction);
  return (
    <form action={action} className="flex flex-col gap-4">
      <FormError message={formError} />
      <Field {...field("email")} type="email" autoComplete="off" label={t("transferEmail")} required maxLength={254} />
      <Button type="submit" disabled={pending} className="self-start">
        {t("offerTransfer")}
      </Button>
    </form>
  );
}
