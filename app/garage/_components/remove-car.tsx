"use client";

import { useTranslations } from "next-intl";
import { ConfirmForm } from "@/components/form/confirm-form";
import type { BoundFormAction } from "@/components/form/use-form";

export function RemoveCar({ action }: { action: BoundFormAction }) {
  const t = useTranslations("carForm");
  return <ConfirmForm action={action} explain={t("removeConfirm")} button={t("removeYes")} />;
}
