"use client";

import { useTranslations } from "next-intl";
import { useForm, type BoundFormAction } from "@/components/form/use-form";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/form/form-error";
import { Field, SelectField, TextAreaField } from "@/components/ui/field";
import { catalogue, modelLabel } from "@/lib/car-catalogue";
import { clashingPairs } from "@/lib/clash";
import { zonedMoment } from "@/lib/time";
import type { EventFormState } from "../actions";
import { SessionRow } from "./session-row";
import { LIMITS } from "@/lib/schemas/limits";
import { Checkbox } from "@/components/ui/checkbox";

type Props = {
  action: BoundFormAction<EventFormState>;
  clubs?: { id: string; name: string }[];
  initial: Record<string, string>;
  rows: number;
  registeredBySession: Record<string, number>;
  draft: boolean;
};

function clashFlags(values: Record<string, string>, rows: number): boolean[] {
  const times = Array.from({ length: rows }, (_, i) => {
    const get = (f: string) => values[`sessions.${i}.${f}`] ?? "";
    const ok =
      /^\d{4}-\d{2}-\d{2}$/.test(get("day")) &&
      /^\d{2}:\d{2}$/.test(get("start")) &&
      /^\d{2}:\d{2}$/.test(get("end")) &&
      get("remove") !== "on";
    return ok
      ? { startsAt: zonedMoment(get("day"), get("start")), endsAt: zonedMoment(get("day"), get("end")) }
      : { startsAt: new Date(0), endsAt: new Date(0) };
  });
  const flags = times.map(() => false);
  for (const [a, b] of clashingPairs(times)) flags[a] = flags[b] = true;
  return flags;
}

export function EventForm({ action: saveEvent, clubs, initial, rows: initialRows, registeredBySession, draft }: Props) {
  const t = useTranslations("organise.eventForm");
  const {
    action,
    pending,
    failed,
    fieldErrors: errors,
    values,
    field,
    formError,
  } = useForm(saveEvent, {
    initialValues: initial,
  });
  const rows = failed?.rows ?? initialRows;
  const models = new Set((values.eligibleModels ?? "").split(",").filter(Boolean));
  const clash = clashFlags(values, rows);
  return (
    <form action={action} noValidate className="flex flex-col gap-5" key={JSON.stringify(values) + rows}>
      <FormError message={formError ?? (Object.keys(errors).length > 0 ? t("fixErrors") : undefined)} />
      {clubs ? (
        <SelectField name="clubId" label={t("club")} defaultValue={values.clubId}>
          {clubs.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      <Field {...field("name")} label={t("name")} maxLength={LIMITS.eventName} />
      {draft ? <Field {...field("slug")} label={t("slug")} hint={t("slugHint")} autoCapitalize="none" /> : null}
      <Field {...field("venue")} label={t("venue")} maxLength={LIMITS.venue} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field {...field("startsOn")} type="date" label={t("startsOn")} />
        <Field {...field("endsOn")} type="date" label={t("endsOn")} />
        <Field {...field("registrationOpensAt")} type="datetime-local" label={t("opens")} hint={t("berlinTime")} />
        <Field {...field("registrationClosesAt")} type="datetime-local" label={t("closes")} hint={t("berlinTime")} />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField {...field("allocation")} label={t("allocation")} defaultValue={values.allocation || "fcfs"}>
          <option value="fcfs">{t("fcfs")}</option>
          <option value="lottery">{t("lottery")}</option>
        </SelectField>
        <Field
          {...field("maxSessionsPerCar")}
          type="number"
          inputMode="numeric"
          label={t("maxSessions")}
          hint={t("optional")}
        />
      </div>
      <TextAreaField {...field("description")} label={t("description")} maxLength={LIMITS.description} />
      <fieldset className="flex flex-col gap-1">
        <legend className="mb-1 text-sm font-semibold">{t("eligible")}</legend>
        <p className="mb-1 text-sm text-muted">{t("eligibleHint")}</p>
        <div className="grid gap-1 sm:grid-cols-2">
          {catalogue.map((m) => (
            <Checkbox key={m.code} name="eligibleModels" value={m.code} defaultChecked={models.has(m.code)}>
              {modelLabel(m)}
            </Checkbox>
          ))}
        </div>
      </fieldset>
      <TextAreaField {...field("rulesText")} label={t("rules")} maxLength={LIMITS.rules} />
      <section aria-labelledby="sessions-heading" className="flex flex-col gap-3">
        <h2 id="sessions-heading" className="text-xl font-bold">
          {t("sessions")}
        </h2>
        {errors.sessions ? <p className="text-sm font-medium text-danger">{errors.sessions}</p> : null}
        {Array.from({ length: rows }, (_, i) => (
          <SessionRow
            key={i}
            index={i}
            values={values}
            errors={errors}
            clash={clash[i]!}
            registered={registeredBySession[values[`sessions.${i}.id`] ?? ""] ?? 0}
          />
        ))}
        <Button
          type="submit"
          name="intent"
          value="addSession"
          variant="secondary"
          className="self-start"
          formNoValidate
        >
          {t("addSession")}
        </Button>
      </section>
      <div className="sticky bottom-0 -mx-4 flex flex-wrap gap-3 border-t border-line bg-white/95 px-4 py-3 sm:static sm:mx-0 sm:border-0 sm:bg-transparent sm:px-0">
        <Button type="submit" name="intent" value="save" disabled={pending}>
          {t("save")}
        </Button>
        {draft ? (
          <Button type="submit" name="intent" value="publish" variant="secondary" disabled={pending}>
            {t("publish")}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
