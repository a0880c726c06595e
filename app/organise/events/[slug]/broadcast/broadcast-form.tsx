"use client";

import { useTranslations } from "next-intl";
import { useForm, type BoundFormAction } from "@/components/form/use-form";
import { Button } from "@/components/ui/button";
import { Field, SelectField, TextAreaField } from "@/components/ui/field";
import { RadioGroup } from "@/components/ui/radio-group";
import { Notice } from "@/components/ui/notice";
import type { FormResult } from "@/lib/form-result";
import { LIMITS } from "@/lib/schemas/limits";

type Props = { action: BoundFormAction<FormResult<{ count?: number }>>; sessions: { id: string; name: string }[] };

export function BroadcastForm({ action: send, sessions }: Props) {
  const t = useTranslations("broadcast");
  const { state, action, pending, values, field } = useForm(send);
  return (
    <form action={action} noValidate className="flex flex-col gap-4" key={state.ok ? "sent" : JSON.stringify(values)}>
      {state.ok ? (
        <Notice tone="success" role="status">
          {t("sent", { count: state.count ?? 0 })}
        </Notice>
      ) : null}
      <RadioGroup
        {...field("audience")}
        legend={t("audience")}
        options={(["confirmed", "waiting", "session"] as const).map((a) => ({ value: a, label: t(a) }))}
        defaultValue={values.audience || "confirmed"}
      />
      <SelectField {...field("sessionId")} label={t("sessionLabel")}>
        <option value="">—</option>
        {sessions.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </SelectField>
      <Field {...field("subject")} label={t("subject")} maxLength={LIMITS.subject} />
      <TextAreaField {...field("body")} id="broadcast-body" rows={6} label={t("body")} maxLength={LIMITS.message} />
      <Button type="submit" disabled={pending} className="self-start">
        {t("send")}
      </Button>
    </form>
  );
}
