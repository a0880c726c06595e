"use client";

import { useTranslations } from "next-intl";
import { useForm } from "@/components/form/use-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { requestSignInLinkAction } from "../actions";
import { LIMITS } from "@/lib/schemas/limits";

export function SignInForm({ callbackUrl, email }: { callbackUrl: string; email?: string }) {
  const t = useTranslations("signin");
  const { action, pending, fieldErrors: errors, values } = useForm(requestSignInLinkAction);
  return (
    <form action={action} noValidate className="flex flex-col gap-4">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field
        name="email"
        type="email"
        label={t("email")}
        autoComplete="email"
        inputMode="email"
        maxLength={LIMITS.email}
        required
        defaultValue={values.email ?? email ?? ""}
        key={values.email ?? email ?? ""}
        error={errors.email}
      />
      <Button type="submit" disabled={pending}>
        {t("emailMeLink")}
      </Button>
    </form>
  );
}
