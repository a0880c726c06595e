import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { carModelName } from "@/components/car-card";
import { getPublicEvent } from "@/db/events";
import { getMyRegistration } from "@/db/registrations/reads";
import { db } from "@/db/client";
import { transferTerms } from "@/db/payments/transfers";
import { env } from "@/env";
import { paintName } from "@/lib/car-catalogue";
import { eventPhase, mayOwnerCancel } from "@/lib/event-phase";
import { placesLeft } from "@/lib/programme";
import { ticketTokenFor } from "@/lib/ticket";
import { ticketQrDataUrl } from "@/lib/ticket-qr";
import { formatSessionTime } from "@/lib/time";
import { requireUser } from "../../session";
import { CancelRegistration, ChangeSessions } from "./_forms";
import { EntryStatus } from "./_lottery";
import { PaperworkRegion } from "./_paperwork";
import { PaymentRegion } from "./_payment";
import { OffersRegion } from "./_offers";
import { cancelRegistrationAction, changeSessionsAction } from "./actions";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ cancel?: string; saved?: string }> };

export default async function RegistrationPage({ params, searchParams }: Props) {
  const [{ id }, { cancel, saved }] = await Promise.all([params, searchParams]);
  const user = await requireUser(`/registrations/${id}`);
  const ticket = await getMyRegistration(user.id, id);
  if (!ticket) notFound();
  const [t, tp, locale] = await Promise.all([
    getTranslations("registration"),
    getTranslations("payments"),
    getLocale(),
  ]);
  const { registration: reg, event, car, places } = ticket;
  const active = reg.status === "active";
  const now = new Date();
  const changeable = active && eventPhase(event, now) === "open";
  const cancellable = active && mayOwnerCancel(event, now, places.length > 0);
  const lottery = event.allocation === "lottery";
  const token = ticketTokenFor(env().authSecret, reg.id, event);
  // Only a confirmed place makes a ticket: a car that only waits (or a ballot entry before its
  // draw) would be turned away at the gate, so it gets no QR code or calendar entry either.
  const hasTicket = active && places.some((p) => p.status === "confirmed");
  const onlyWaiting = active && places.length > 0 && !hasTicket;
  const [qr, live, transfers] = await Promise.all([
    hasTicket ? ticketQrDataUrl(token) : null,
    changeable ? getPublicEvent(event.slug) : null,
    active ? transferTerms(db(), event.id, now) : null,
  ]);
  const ref = { id: reg.id, slug: event.slug };
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4">
      <h1 className="text-2xl font-extrabold tracking-tight sm:text-3xl">{event.name}</h1>
      {saved ? (
        <Notice tone="success" role="status">
          {saved === "accepted"
            ? tp("offerAccepted")
            : saved === "declined"
              ? tp("offerDeclined")
              : saved === "transferred"
                ? tp("transferred")
                : t("saved")}
        </Notice>
      ) : null}
      {!active ? (
        <Notice tone="danger" role="status">
          <span className="text-lg font-bold">{t("cancelled")}</span>
        </Notice>
      ) : null}
      <Card className="flex flex-col gap-4">
        <div>
          {car ? (
            <p className="text-lg font-bold">
              {car.nickname || carModelName(car)} · {paintName(car.colour, car.individualColour)}
            </p>
          ) : null}
          {car ? (
            <p className="mt-1 inline-block rounded border-2 border-ink px-2 font-mono text-base font-bold tracking-wider">
              {car.plate}
            </p>
          ) : null}
          {reg.plaque ? <p className="mt-2 text-base font-semibold">{t("plaque", { number: reg.plaque })}</p> : null}
        </div>
        {event.allocation === "lottery" && active ? (
          <EntryStatus registration={reg} event={event} changeable={changeable} />
        ) : null}
        {places.length ? (
          <ul className="divide-y divide-line" aria-label={t("sessions")}>
            {places.map((p) => (
              <li key={p.sessionId} className="flex flex-wrap items-baseline justify-between gap-2 py-2">
                <span className="text-base">
                  <span className="font-semibold">{p.name}</span>{" "}
                  <span className="text-sm text-muted tabular-nums">
                    {formatSessionTime(p.startsAt, p.endsAt, locale)}
                  </span>
                </span>
                <span className={`text-base font-bold ${p.status === "confirmed" ? "text-success" : "text-warning"}`}>
                  {p.status === "confirmed" ? t("confirmed") : t("waitingPosition", { position: p.position ?? 0 })}
                </span>
              </li>
            ))}
          </ul>
        ) : null}
        {onlyWaiting ? (
          <Notice tone="warning" role="status">
            <span className="block font-bold">{t("waitingOnlyTitle")}</span>
            <span className="block">
              {t("waitingOnlyBody", {
                list: places.map((p) => t("waitingFor", { session: p.name, position: p.position ?? 0 })).join("; "),
              })}
            </span>
          </Notice>
        ) : null}
        {qr ? (
          <figure className="flex flex-col items-center gap-2">
            {/* eslint-disable-next-line @next/next/no-img-element -- a data URL made on the server */}
            <img
              src={qr}
              alt={t("qrAlt")}
              width={240}
              height={240}
              className="h-60 w-60 rounded-lg border border-line bg-white p-2"
            />
            <figcaption className="text-sm text-muted">{t("qrCaption")}</figcaption>
          </figure>
        ) : null}
        {hasTicket ? (
          <div className="flex flex-wrap gap-2">
            <a href={`/registrations/${reg.id}/calendar.ics`} className={buttonClass("secondary")}>
              {t("addToCalendar")}
            </a>
            <Link href={`/tickets/${token}`} className={buttonClass("secondary")}>
              {t("printable")}
            </Link>
          </div>
        ) : null}
      </Card>
      {active ? <OffersRegion registrationId={reg.id} slug={event.slug} /> : null}
      <PaymentRegion registration={reg} slug={event.slug} />
      {active ? <PaperworkRegion registration={reg} event={event} /> : null}
      {cancellable ? (
        <Card className="no-print flex flex-col gap-4">
          {changeable && live && !lottery ? (
            <ChangeSessions
              action={changeSessionsAction.bind(null, ref)}
              options={live.sessions.map((s) => {
                const held = places.find((p) => p.sessionId === s.id);
                // A session the car holds reads as held; only a session it would newly join warns of a waiting list.
                const standing = held
                  ? held.status === "confirmed"
                    ? t("yourPlace")
                    : t("yourWaitingPosition", { position: held.position ?? 0 })
                  : placesLeft(s) > 0
                    ? t("placesLeft", { count: placesLeft(s) })
                    : t("fullWaitingList");
                return {
                  id: s.id,
                  name: s.name,
                  checked: Boolean(held),
                  detail: `${formatSessionTime(s.startsAt, s.endsAt, locale)} · ${standing}`,
                };
              })}
            />
          ) : null}
          {changeable ? (
            <Link
              href={`/registrations/${reg.id}/car`}
              className="inline-flex min-h-11 items-center self-start font-semibold text-accent underline underline-offset-4"
            >
              {t("changeCar")}
            </Link>
          ) : null}
          {transfers ? (
            <Link
              href={`/registrations/${reg.id}/transfer`}
              className="inline-flex min-h-11 items-center self-start font-semibold text-accent underline underline-offset-4"
            >
              {tp("transferPlace")}
            </Link>
          ) : null}
          {!changeable ? <p className="text-base text-muted">{t("closedButCancellable")}</p> : null}
          {cancel ? (
            <CancelRegistration action={cancelRegistrationAction.bind(null, ref)} />
          ) : (
            <form method="get">
              <input type="hidden" name="cancel" value="1" />
              <button type="submit" className={buttonClass("secondary", "text-danger")}>
                {t("cancel")}
              </button>
            </form>
          )}
        </Card>
      ) : null}
    </div>
  );
}
