"use client";

import { useTranslations } from "next-intl";
import { FormError } from "@/components/form/form-error";
import { useForm, type BoundFormAction } from "@/components/form/use-form";
import { Button } from "@/components/ui/button";

/** "Accept place" and "Decline" for one offered place; either answer works without JavaScript. */
export function OfferAnswer({ accept, decline }: { accept: BoundFormAction; decline: BoundFormAction }) {
  const t = useTranslations("payments");
  const accepting = useForm(accept);
  const declining = useForm(decline);
  const pending = accepting.pending || declining.pending;
  return (
    <div className="flex flex-col gap-2">
      <FormError message={accepting.formError ?? declining.formError} />
      <div className="flex flex-wrap gap-2">
        <form action={accepting.action}>
          <Button type="submit" disabled={pending}>
            {t("acceptPlace")}
          </Button>
        </form>
        <form action={declining.action}>
          <Button type="submit" variant="secondary" disabled={pending}>
            {t("decline")}
          </Button>
        </form>
      </div>
    </div>
  );
}
