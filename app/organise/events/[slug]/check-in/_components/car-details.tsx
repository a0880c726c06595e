"use client";

import { useTranslations } from "next-intl";
import { Swatch } from "@/components/ui/swatch";
import type { CheckInCar, CheckInSession } from "@/lib/check-in/types";

/** "M-AB 123 (DE)": the plate as it reads on the car, with its country when known. */
const plateText = (car: CheckInCar) =>
  [car.plate, car.plateCountry ? `(${car.plateCountry})` : null].filter(Boolean).join(" ");

/** "Plaque 12", or that the car has none yet. */
export function PlaqueLabel({ car, className = "" }: { car: CheckInCar; className?: string }) {
  const t = useTranslations("checkIn");
  return <span className={className}>{car.plaque === null ? t("noPlaque") : t("plaque", { number: car.plaque })}</span>;
}

/** "Anna Müller · +49 171 …" with the number as a link the phone can call. */
function ContactLine({ contact }: { contact: NonNullable<CheckInCar["emergency"]> }) {
  return (
    <>
      {contact.name} ·{" "}
      <a href={`tel:${contact.phone}`} className="inline-block py-2 font-semibold text-accent underline">
        {contact.phone}
      </a>
    </>
  );
}

/** A checked-in car's emergency contact in the search list: on the day it is what the gate looks up. */
export function EmergencyContact({ car }: { car: CheckInCar }) {
  const t = useTranslations("checkIn");
  if (!car.emergency) return null;
  return (
    <p className="text-base">
      <span className="font-semibold text-muted">{t("emergency")}:</span> <ContactLine contact={car.emergency} />
    </p>
  );
}

/** What the gate checks against the car in front of it: driver, car, colour, plate, sessions. */
export function CarDetails({
  car,
  sessions,
  large = false,
}: {
  car: CheckInCar;
  sessions: CheckInSession[];
  large?: boolean;
}) {
  const t = useTranslations("checkIn");
  const names = new Map(sessions.map((s) => [s.id, s.name]));
  const row = large ? "text-xl" : "text-base";
  return (
    <dl className={`grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 ${row}`}>
      <dt className="font-semibold text-muted">{t("fields.driver")}</dt>
      <dd className="font-bold">{car.driver}</dd>
      <dt className="font-semibold text-muted">{t("fields.car")}</dt>
      <dd>{car.car}</dd>
      <dt className="font-semibold text-muted">{t("fields.colour")}</dt>
      <dd className="flex items-center gap-2">
        <Swatch colour={car.swatch} className="h-5 w-5 border-2 border-ink" />
        {car.colour}
      </dd>
      <dt className="font-semibold text-muted">{t("fields.plate")}</dt>
      <dd className="font-mono font-bold tracking-wide">{plateText(car)}</dd>
      {car.emergency ? (
        <>
          <dt className="font-semibold text-muted">{t("emergency")}</dt>
          <dd>
            <ContactLine contact={car.emergency} />
          </dd>
        </>
      ) : null}
      <dt className="font-semibold text-muted">{t("fields.sessions")}</dt>
      <dd>
        <ul>
          {car.places.map((p) => (
            <li key={p.sessionId}>
              {names.get(p.sessionId) ?? p.sessionId}:{" "}
              <span className={p.status === "confirmed" ? "font-semibold" : "font-semibold text-warning"}>
                {t(`place.${p.status}`)}
              </span>
            </li>
          ))}
        </ul>
      </dd>
      {car.paperwork ? (
        <dd className="col-span-2">
          <PaperworkLine car={car} />
        </dd>
      ) : null}
    </dl>
  );
}

/** "Paperwork complete", or exactly what is missing; the gate holds a car back on the second. */
export function PaperworkLine({ car }: { car: CheckInCar }) {
  const t = useTranslations("checkIn");
  if (!car.paperwork) return null;
  if (car.paperwork.complete) return <p className="font-semibold text-success">✓ {t("paperworkComplete")}</p>;
  const list = car.paperwork.missing.map((m) => t(`missing.${m}`)).join(", ");
  return <p className="font-bold text-danger">✕ {t("paperworkMissing", { list })}</p>;
}

/** The same facts on two lines, for a list of search hits. */
export function CarSummary({ car, sessions }: { car: CheckInCar; sessions: CheckInSession[] }) {
  const t = useTranslations("checkIn");
  const names = new Map(sessions.map((s) => [s.id, s.name]));
  return (
    <div className="flex flex-col gap-1 text-lg">
      <p className="flex flex-wrap items-center gap-x-2">
        <span>{car.car}</span>
        <span aria-hidden>·</span>
        <span className="inline-flex items-center gap-1.5">
          <Swatch colour={car.swatch} className="h-4 w-4 border-2 border-ink" />
          {car.colour}
        </span>
        <span aria-hidden>·</span>
        <span className="font-mono font-bold">{plateText(car)}</span>
      </p>
      <PaperworkLine car={car} />
      <p className="text-base text-muted">
        {car.places
          .map((p) => `${names.get(p.sessionId) ?? ""}${p.status === "waiting" ? ` (${t("place.waiting")})` : ""}`)
          .join(" · ")}
      </p>
    </div>
  );
}
