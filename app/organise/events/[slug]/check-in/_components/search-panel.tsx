"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";
import type { Answer } from "@/lib/check-in/answer";
import type { CheckInCar, CheckInCopy } from "@/lib/check-in/types";
import { CarSummary, EmergencyContact, PlaqueLabel } from "./car-details";

type Props = {
  action: string;
  query: string;
  onQuery: (query: string) => void;
  hits: CheckInCar[];
  copy: CheckInCopy;
  answerOf: (car: CheckInCar) => Answer;
  form: (registrationId: string) => ReactNode;
};

/**
 * The fallback for a driver without a ticket. A real GET form (it works before JavaScript
 * loads); with JavaScript the list follows each keystroke, searching the phone's own copy.
 */
export function SearchPanel({ action, query, onQuery, hits, copy, answerOf, form }: Props) {
  const t = useTranslations("checkIn");
  return (
    <section className="flex flex-col gap-3">
      <form
        action={action}
        method="get"
        role="search"
        onSubmit={(e) => e.preventDefault()}
        className="flex flex-col gap-1.5"
      >
        <label htmlFor="check-in-search" className="text-base font-bold">
          {t("search")}
        </label>
        <div className="flex gap-2">
          <input
            id="check-in-search"
            name="q"
            type="search"
            value={query}
            onChange={(e) => onQuery(e.target.value)}
            autoComplete="off"
            aria-describedby="check-in-search-hint"
            className="min-h-14 w-full min-w-0 rounded-lg border-2 border-ink bg-white px-3 text-xl"
          />
          <button type="submit" className={buttonClass("secondary", "min-h-14 text-lg")}>
            {t("searchButton")}
          </button>
        </div>
        <p id="check-in-search-hint" className="text-sm text-muted">
          {t("searchHint")}
        </p>
      </form>
      {query.trim() && hits.length === 0 ? (
        <p className="text-lg font-semibold">{t("noResults", { q: query.trim() })}</p>
      ) : null}
      {hits.length ? (
        <ul aria-label={t("results")} className="flex flex-col gap-3">
          {hits.map((car) => (
            <Hit key={car.registrationId} car={car} copy={copy} answer={answerOf(car)} form={form} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function Hit({
  car,
  copy,
  answer,
  form,
}: {
  car: CheckInCar;
  copy: CheckInCopy;
  answer: Answer;
  form: (id: string) => ReactNode;
}) {
  const t = useTranslations("checkIn");
  const headingId = `car-${car.registrationId}`;
  const pending = answer.kind === "alreadyIn" && answer.pending;
  return (
    <li
      aria-labelledby={headingId}
      className={`flex flex-col gap-3 rounded-xl bg-white p-4 ${pending ? "border-4 border-[#fdb022]" : "border-2 border-line"}`}
    >
      <div className="flex items-start justify-between gap-2">
        <h3 id={headingId} className="text-2xl font-black">
          <PlaqueLabel car={car} /> · {car.driver}
        </h3>
        {pending ? (
          <span className="shrink-0 rounded-md border-2 border-black bg-[#fdb022] px-2 py-1 text-base font-black uppercase text-black">
            {t("pendingBadge")}
          </span>
        ) : null}
      </div>
      <CarSummary car={car} sessions={copy.sessions} />
      <EmergencyContact car={car} />
      {answer.kind === "ok" ? form(car.registrationId) : <HitStatus answer={answer} />}
    </li>
  );
}

function HitStatus({ answer }: { answer: Answer }) {
  const t = useTranslations("checkIn");
  if (answer.kind === "refused")
    return <p className="text-lg font-bold text-danger">✕ {t(`reasons.${answer.reason}`)}</p>;
  if (answer.kind !== "alreadyIn") return null;
  const text = answer.pending
    ? t("pendingIn", { time: answer.at })
    : answer.by
      ? t("alreadyInBy", { time: answer.at, name: answer.by })
      : t("alreadyIn", { time: answer.at });
  return <p className={`text-lg font-bold ${answer.pending ? "text-ink" : "text-success"}`}>✓ {text}</p>;
}
