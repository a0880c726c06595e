"use client";

import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { CheckInCar, ChecklistItem } from "@/lib/check-in/types";
import { LIMITS } from "@/lib/schemas/limits";

type Props = {
  registrationId: string;
  query: string;
  checklist: ChecklistItem[];
  /** The server action (bound to the event on the page): what the form does before JavaScript runs. */
  action: (formData: FormData) => Promise<void>;
  /** With JavaScript: the phone queues the check-in itself, so it works offline too. */
  onCheckIn: (registrationId: string, ticks: string[], override?: string) => void;
  /** The car's paperwork; while incomplete only an organiser may check it in, with a reason. */
  paperwork?: CheckInCar["paperwork"];
  mayOverride: boolean;
  large?: boolean;
};

/**
 * "Check in" for one car, with the event's checklist. Required items are `required` checkboxes,
 * so the browser itself holds the form back until they are ticked, with or without JavaScript.
 */
export function CheckInForm(props: Props) {
  const { registrationId, query, checklist, action, onCheckIn, paperwork, mayOverride, large = false } = props;
  const t = useTranslations("checkIn");
  const held = !!paperwork && !paperwork.complete;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const override = String(data.get("override") ?? "").trim();
    onCheckIn(registrationId, data.getAll("ticks").map(String), override || undefined);
  };
  // Gate staff cannot let a car in without its paperwork: no button, and who can.
  if (held && !mayOverride) return <p className="text-lg font-semibold text-danger">{t("overrideOnlyOrganiser")}</p>;
  return (
    <form action={action} onSubmit={submit} className="flex flex-col gap-3">
      <input type="hidden" name="registrationId" value={registrationId} />
      <input type="hidden" name="q" value={query} />
      {checklist.length ? (
        <fieldset className="flex flex-col gap-1">
          <legend className="text-base font-bold">{t("checklist")}</legend>
          {checklist.map((item) => (
            <label key={item.id} className="flex min-h-11 items-center gap-3 text-lg">
              <input type="checkbox" name="ticks" value={item.id} required={item.required} className="h-6 w-6" />
              <span>
                {item.label}{" "}
                {item.required ? <span className="text-sm font-semibold text-muted">{t("required")}</span> : null}
              </span>
            </label>
          ))}
        </fieldset>
      ) : null}
      {held ? (
        <Field
          name="override"
          id={`override-${registrationId}`}
          label={t("overrideReason")}
          hint={t("overrideHint")}
          required
          minLength={3}
          maxLength={LIMITS.reason}
        />
      ) : null}
      <button
        type="submit"
        className={buttonClass(
          held ? "danger" : "primary",
          large ? "min-h-16 w-full text-2xl" : "min-h-12 w-full text-lg sm:w-auto",
        )}
      >
        {held ? t("override") : t("checkIn")}
      </button>
    </form>
  );
}
