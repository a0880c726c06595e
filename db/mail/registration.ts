import "server-only";
import { formatEuro } from "@/lib/payments/money";
import { and, eq } from "drizzle-orm";
import { env } from "@/env";
import { carModelName } from "@/lib/car-catalogue";
import { ticketTokenFor } from "@/lib/ticket";
import type { Locale } from "@/lib/locale";
import { formatWhen } from "@/lib/time";
import { db } from "../client";
import { choicesOf } from "../registrations/lottery-entries";
import { placesOf } from "../registrations/reads";
import { cars, eventSessions, events, placeOffers, registrations, users, type MailRow } from "../schema";
import { appLink, localeOr, written, type Composed, type Translator } from "./compose";
import { toDoLines, toDoOf } from "./to-do";
import type { RegistrationMail, RegistrationRecipient } from "./kinds";

type Places = Awaited<ReturnType<typeof placesOf>>;
type Loaded = NonNullable<Awaited<ReturnType<typeof load>>>;

async function load(registrationId: string) {
  const [row] = await db()
    .select({ reg: registrations, event: events, car: cars, owner: users })
    .from(registrations)
    .innerJoin(events, eq(events.id, registrations.eventId))
    .leftJoin(cars, eq(cars.id, registrations.carId))
    .leftJoin(users, eq(users.id, registrations.ownerId))
    .where(eq(registrations.id, registrationId));
  return row ?? null;
}

const sessionById = async (id: string) => (await db().select().from(eventSessions).where(eq(eventSessions.id, id)))[0];

/** An offer still waiting for its answer, with its session's name; null once answered or expired. */
async function openOffer(offerId: string) {
  const [row] = await db()
    .select({ session: eventSessions.name, expiresAt: placeOffers.expiresAt })
    .from(placeOffers)
    .innerJoin(eventSessions, eq(eventSessions.id, placeOffers.sessionId))
    .where(and(eq(placeOffers.id, offerId), eq(placeOffers.status, "open")));
  return row ?? null;
}

function placeLines(t: Translator, locale: Locale, places: Places): string[] {
  return places.map(
    (p) =>
      `${p.name} (${formatWhen(p.startsAt, locale, { year: false })}): ${p.status === "confirmed" ? t("registration.confirmed") : t("registration.waitingPosition", { position: p.position ?? 0 })}`,
  );
}

/** What still holds: nothing is said about a registration that is gone, nor, once cancelled, anything but its end. */
function stillTrue(mail: RegistrationMail, { reg, event, owner }: Loaded): boolean {
  if (!owner) return false; // account deleted since: nobody to tell
  if (mail.kind === "registrationCancelled" || mail.kind === "removedByOrganiser") return true;
  if (mail.kind === "registrationReceived" || mail.kind === "paymentReceived" || mail.kind === "placeReleased")
    return true;
  // A reminder, a promotion, a move or a draw result for a cancelled registration or event would mislead.
  return reg.status === "active" && event.status !== "cancelled";
}

/**
 * Composes a registration's mail when it is sent, in the owner's language, from the data as it is
 * then. The second driver gets "registration received" with a ticket link instead of the owner's page.
 */
export async function composeRegistrationMail(row: MailRow): Promise<Composed> {
  const mail = row.payload as RegistrationMail & { to?: RegistrationRecipient };
  const loaded = await load(mail.registrationId);
  if (!loaded || !stillTrue(mail, loaded)) return null;
  const { reg, event, car, owner } = loaded;
  const locale = localeOr(owner?.locale);
  const ticket = appLink(
    mail.to === "secondDriver"
      ? `/tickets/${ticketTokenFor(env().authSecret, reg.id, event)}`
      : `/registrations/${reg.id}`,
  );
  const carName = car ? `${car.nickname || carModelName(car)} (${car.plate})` : "";
  switch (mail.kind) {
    case "registrationReceived": {
      // The second driver neither pays nor fills in the owner's paperwork: no to-do for them.
      const [places, toDo] = await Promise.all([
        placesOf(reg.id),
        mail.to === "secondDriver" ? null : toDoOf(reg, event),
      ]);
      return written(locale, (t) => ({
        subject: t("registration.mail.receivedSubject", { event: event.name }),
        lines: [
          t("registration.mail.receivedBody", { event: event.name, car: carName }),
          ...placeLines(t, locale, places),
          ...(toDo ? toDoLines(t, locale, toDo) : []),
          ticket,
        ],
      }));
    }
    case "placeConfirmed": {
      const session = await sessionById(mail.sessionId);
      if (!session) return null;
      return written(locale, (t) => ({
        subject: t("registration.mail.promotedSubject", { session: session.name }),
        lines: [
          t("registration.mail.promotedBody", {
            session: session.name,
            event: event.name,
            when: formatWhen(session.startsAt, locale, { year: false }),
          }),
          ticket,
        ],
      }));
    }
    case "registrationChanged": {
      const [places, toDo] = await Promise.all([placesOf(reg.id), toDoOf(reg, event)]);
      return written(locale, (t) => ({
        subject: t("registration.mail.changedSubject", { event: event.name }),
        lines: [
          t("registration.mail.changedBody", { event: event.name, car: carName }),
          ...placeLines(t, locale, places),
          ...toDoLines(t, locale, toDo),
          ticket,
        ],
      }));
    }
    case "registrationCancelled":
      return written(locale, (t) => ({
        subject: t("registration.mail.cancelledSubject", { event: event.name }),
        lines: [t("registration.mail.cancelledBody", { event: event.name, car: carName })],
      }));
    case "removedByOrganiser":
      return written(locale, (t) => ({
        subject: t("roster.mail.removedSubject", { event: event.name }),
        lines: [
          t("roster.mail.removedBody", { event: event.name, car: carName }),
          t("roster.mail.reason", { reason: mail.reason }),
        ],
      }));
    case "movedByOrganiser": {
      const [from, to] = await Promise.all([sessionById(mail.fromSessionId), sessionById(mail.toSessionId)]);
      const place = (await placesOf(reg.id)).find((p) => p.sessionId === mail.toSessionId);
      if (!to || !place) return null;
      return written(locale, (t) => ({
        subject: t("roster.mail.movedSubject", { session: to.name }),
        lines: [
          t("roster.mail.movedBody", {
            event: event.name,
            from: from?.name ?? "",
            to: to.name,
            when: formatWhen(to.startsAt, locale, { year: false }),
          }),
          ...placeLines(t, locale, [place]),
          ticket,
        ],
      }));
    }
    case "reminder": {
      const [places, toDo] = await Promise.all([placesOf(reg.id), toDoOf(reg, event)]);
      return written(locale, (t) => ({
        subject: t("registration.mail.reminderSubject", { event: event.name }),
        lines: [
          t("registration.mail.reminderBody", { event: event.name }),
          ...placeLines(t, locale, places),
          ...toDoLines(t, locale, toDo),
          ticket,
        ],
      }));
    }
    case "entryReceived": {
      const choices = await choicesOf(reg.id);
      return written(locale, (t) => ({
        subject: t("lottery.mail.entrySubject", { event: event.name }),
        lines: [
          t("lottery.mail.entryBody", { event: event.name, closes: formatWhen(event.registrationClosesAt, locale) }),
          ...choices.map((c) => `${c.rank}. ${c.name} (${formatWhen(c.startsAt, locale, { year: false })})`),
          ticket,
        ],
      }));
    }
    case "paymentReceived": {
      const amount = formatEuro(mail.cents, locale);
      return written(locale, (t) => ({
        subject: t("payments.mail.receivedSubject", { amount, event: event.name }),
        lines: [t("payments.mail.receivedBody", { amount, event: event.name, car: carName }), ticket],
      }));
    }
    case "placeOffered": {
      const offer = await openOffer(mail.offerId);
      if (!offer) return null; // answered or expired before the mail went out
      return written(locale, (t) => ({
        subject: t("payments.mail.offeredSubject", { session: offer.session, event: event.name }),
        lines: [
          t("payments.mail.offeredBody", {
            session: offer.session,
            event: event.name,
            until: formatWhen(offer.expiresAt, locale),
          }),
          ticket,
        ],
      }));
    }
    case "placeReleased":
      return written(locale, (t) => ({
        subject: t("payments.mail.releasedSubject", { event: event.name }),
        lines: [t("payments.mail.releasedBody", { event: event.name, car: carName }), ticket],
      }));
    case "drawResult": {
      const places = await placesOf(reg.id);
      return written(locale, (t) => ({
        subject: t("lottery.mail.resultSubject", { event: event.name }),
        lines: [
          t("lottery.mail.resultBody", { event: event.name, position: reg.drawPosition ?? 0 }),
          ...placeLines(t, locale, places),
          ticket,
          appLink(`/events/${event.slug}/draw`),
        ],
      }));
    }
  }
}
