"use client";

import { useTranslations } from "next-intl";
import { useForm, type BoundFormAction } from "@/components/form/use-form";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import type { FormResult } from "@/lib/form-result";
import { LIMITS } from "@/lib/schemas/limits";

type Props = { action: BoundFormAction<FormResult<{ count?: number }>>; sessions: { id: string; name: string }[] };

export function BroadcastForm({ action: send, sessions }: Props) {
  const t = useTranslations("broadcast");
  const { state, action, pending, fieldErrors: errors, values } = useForm(send);
  return (
    <form action={action} noValidate className="flex flex-col gap-4" key={state.ok ? "sent" : JSON.stringify(values)}>
      {state.ok ? (
        <Notice tone="success" role="status">
          {t("sent", { count: state.count ?? 0 })}
        </Notice>
      ) : null}
      <fieldset className="flex flex-col gap-1" aria-describedby="audience-error">
        <legend className="mb-1 text-base font-bold">{t("audience")}</legend>
        {(["confirmed", "waiting", "session"] as const).map((a) => (
          <label key={a} className="flex min-h-11 items-center gap-3 text-base">
            <input
              type="radio"
              name="audience"
              value={a}
              defaultChecked={(values.audience || "confirmed") === a}
              className="h-5 w-5"
            />
            {t(a)}
          </label>
        ))}
        <p id="audience-error" className="text-sm font-medium text-danger empty:hidden">
          {errors.audience ?? ""}
        </p>
      </fieldset>
      <SelectField
        name="sessionId"
        label={t("sessionLabel")}
        defaultValue={values.sessionId ?? ""}
        error={errors.sessionId}
      >
        <option value="">—</option>
        {sessions.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </SelectField>
      <Field
        name="subject"
        label={t("subject")}
        defaultValue={values.subject}
        error={errors.subject}
        maxLength={LIMITS.subject}
      />
      <div className="flex flex-col gap-1">
        <label htmlFor="broadcast-body" className="text-sm font-semibold text-ink">
          {t("body")}
        </label>
        <textarea
          id="broadcast-body"
          name="body"
          rows={6}
          maxLength={LIMITS.message}
          defaultValue={values.body}
          aria-invalid={errors.body ? true : undefined}
          aria-describedby="body-error"
          className="rounded-lg border border-line bg-white px-3 py-2 text-base"
        />
        <p id="body-error" className="text-sm font-medium text-danger empty:hidden">
          {errors.body ?? ""}
        </p>
      </div>
      <Button type="submit" disabled={pending} className="self-start">
        {t("send")}
      </Button>
    </form>
  );
}
