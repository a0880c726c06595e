"use client";

import { FieldError } from "@/components/ui/field";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { useForm, type BoundFormAction } from "@/components/form/use-form";
import { FormError } from "@/components/form/form-error";
import { Button } from "@/components/ui/button";
import { Questions, questionsText } from "@/components/questions";
import { clashes } from "@/lib/clash";
import type { Question } from "@/lib/paperwork";
import { CarChoice } from "./car-choice";
import { SecondDriverAndRules } from "./second-driver-and-rules";

export type SessionOption = {
  id: string;
  name: string;
  startsAt: string;
  endsAt: string;
  /** "Sat, Jun 5, 09:00–12:30", in the reader's language (lib/time.ts formatSessionTime). */
  time: string;
  placesLeft: number;
  noiseLimitDb: number | null;
};
type Props = {
  action: BoundFormAction;
  slug: string;
  eventId: string;
  cars: { id: string; label: string; noiseDb: number | null }[];
  noiseLimitDb: number | null;
  sessions: SessionOption[];
  rulesText: string;
  idempotencyKey: string;
  questions: Question[];
};

const interval = (s: SessionOption) => ({ startsAt: new Date(s.startsAt), endsAt: new Date(s.endsAt) });

export function RegisterForm({
  action: registerAction,
  slug,
  eventId,
  cars,
  sessions,
  rulesText,
  idempotencyKey,
  questions,
  noiseLimitDb,
}: Props) {
  const t = useTranslations("registration");
  const tp = useTranslations("paperwork");
  const { action, pending, fieldErrors: errors, values, formError } = useForm(registerAction);
  const [ticked, setTicked] = useState<Set<string>>(
    () => new Set((values.sessionIds ?? "").split(",").filter(Boolean)),
  );
  const clashWithTicked = (s: SessionOption) =>
    sessions.some((o) => o.id !== s.id && ticked.has(o.id) && clashes(interval(o), interval(s)));
  const toggle = (id: string, on: boolean) =>
    setTicked((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  return (
    <form action={action} noValidate className="flex flex-col gap-5">
      <input type="hidden" name="eventId" value={eventId} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <FormError message={formError} />
      <CarChoice slug={slug} cars={cars} value={values.carId} error={errors.carId} noiseLimitDb={noiseLimitDb} />
      <fieldset className="flex flex-col gap-2" aria-describedby="sessions-error">
        <legend className="mb-1 text-base font-bold">{t("sessions")}</legend>
        {sessions.map((s) => {
          const blocked = !ticked.has(s.id) && clashWithTicked(s);
          return (
            <label
              key={s.id}
              className={`flex min-h-14 items-start gap-3 rounded-lg border border-line bg-white px-3 py-3 ${blocked ? "opacity-60" : ""}`}
            >
              <input
                type="checkbox"
                name="sessionIds"
                value={s.id}
                checked={ticked.has(s.id)}
                disabled={blocked}
                onChange={(e) => toggle(s.id, e.target.checked)}
                aria-describedby={`session-${s.id}-info`}
                className="mt-1 h-5 w-5 shrink-0"
              />
              <span className="flex flex-col">
                <span className="text-base font-semibold">{s.name}</span>
                <span id={`session-${s.id}-info`} className="text-sm text-muted">
                  {s.time} · {s.placesLeft > 0 ? t("placesLeft", { count: s.placesLeft }) : t("fullWaitingList")}
                  {s.noiseLimitDb ? ` · ${t("noise", { db: s.noiseLimitDb })}` : ""}
                  {blocked ? ` · ${t("clashes")}` : ""}
                </span>
              </span>
            </label>
          );
        })}
        <FieldError id="sessions-error" error={errors.sessionIds} />
      </fieldset>
      <Questions questions={questions} values={values} errors={errors} text={questionsText(tp)} />
      <SecondDriverAndRules values={values} errors={errors} rulesText={rulesText} />
      <Button type="submit" disabled={pending}>
        {t("register")}
      </Button>
    </form>
  );
}
