"use client";

import { useTranslations } from "next-intl";
import { useForm, type BoundFormAction } from "@/components/form/use-form";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { catalogue, modelLabel } from "@/lib/car-catalogue";
import { clashingPairs } from "@/lib/clash";
import { zonedMoment } from "@/lib/time";
import type { EventFormState } from "../actions";
import { SessionRow } from "./session-row";
import { LIMITS } from "@/lib/schemas/limits";

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
    formError,
  } = useForm(saveEvent, { initialValues: initial });
  const rows = failed?.rows ?? initialRows;
  const models = new Set((values.eligibleModels ?? "").split(",").filter(Boolean));
  const clash = clashFlags(values, rows);
  return (
    <form action={action} noValidate className="flex flex-col gap-5" key={JSON.stringify(values) + rows}>
      {formError ? (
        <Notice tone="danger" role="alert">
          {formError}
        </Notice>
      ) : null}
      {Object.keys(errors).length > 0 && !formError ? (
        <Notice tone="danger" role="alert">
          {t("fixErrors")}
        </Notice>
      ) : null}
      {clubs ? (
        <SelectField name="clubId" label={t("club")} defaultValue={values.clubId}>
          {clubs.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      <Field
        name="name"
        label={t("name")}
        defaultValue={values.name}
        error={errors.name}
        maxLength={LIMITS.eventName}
      />
      {draft ? (
        <Field
          name="slug"
          label={t("slug")}
          defaultValue={values.slug}
          error={errors.slug}
          hint={t("slugHint")}
          autoCapitalize="none"
        />
      ) : null}
      <Field
        name="venue"
        label={t("venue")}
        defaultValue={values.venue}
        error={errors.venue}
        maxLength={LIMITS.venue}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          name="startsOn"
          type="date"
          label={t("startsOn")}
          defaultValue={values.startsOn}
          error={errors.startsOn}
        />
        <Field name="endsOn" type="date" label={t("endsOn")} defaultValue={values.endsOn} error={errors.endsOn} />
        <Field
          name="registrationOpensAt"
          type="datetime-local"
          label={t("opens")}
          defaultValue={values.registrationOpensAt}
          error={errors.registrationOpensAt}
          hint={t("berlinTime")}
        />
        <Field
          name="registrationClosesAt"
          type="datetime-local"
          label={t("closes")}
          defaultValue={values.registrationClosesAt}
          error={errors.registrationClosesAt}
          hint={t("berlinTime")}
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          name="allocation"
          label={t("allocation")}
          defaultValue={values.allocation || "fcfs"}
          error={errors.allocation}
        >
          <option value="fcfs">{t("fcfs")}</option>
          <option value="lottery">{t("lottery")}</option>
        </SelectField>
        <Field
          name="maxSessionsPerCar"
          type="number"
          inputMode="numeric"
          label={t("maxSessions")}
          defaultValue={values.maxSessionsPerCar}
          error={errors.maxSessionsPerCar}
          hint={t("optional")}
        />
      </div>
      <TextArea
        name="description"
        label={t("description")}
        value={values.description}
        error={errors.description}
        maxLength={LIMITS.description}
      />
      <fieldset className="flex flex-col gap-1">
        <legend className="mb-1 text-sm font-semibold">{t("eligible")}</legend>
        <p className="mb-1 text-sm text-muted">{t("eligibleHint")}</p>
        <div className="grid gap-1 sm:grid-cols-2">
          {catalogue.map((m) => (
            <label key={m.code} className="flex min-h-11 items-center gap-3 text-base">
              <input
                type="checkbox"
                name="eligibleModels"
                value={m.code}
                defaultChecked={models.has(m.code)}
                className="h-5 w-5"
              />
              {modelLabel(m)}
            </label>
          ))}
        </div>
      </fieldset>
      <TextArea
        name="rulesText"
        label={t("rules")}
        value={values.rulesText}
        error={errors.rulesText}
        maxLength={LIMITS.rules}
      />
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

function TextArea({
  name,
  label,
  value,
  error,
  maxLength,
}: {
  name: string;
  label: string;
  value?: string;
  error?: string;
  maxLength: number;
}) {
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={`field-${name}`} className="text-sm font-semibold">
        {label}
      </label>
      <textarea
        id={`field-${name}`}
        name={name}
        rows={3}
        maxLength={maxLength}
        defaultValue={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `field-${name}-error` : undefined}
        className={`rounded-lg border bg-white px-3 py-2 text-base shadow-sm ${error ? "border-danger" : "border-line"}`}
      />
      <p id={`field-${name}-error`} aria-live="polite" className="text-sm font-medium text-danger empty:hidden">
        {error ?? ""}
      </p>
    </div>
  );
}
