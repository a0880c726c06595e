import "server-only";
import { eq } from "drizzle-orm";
import { translatorFor } from "@/i18n/messages";
import { carModelName } from "@/lib/car-catalogue";
import { isLocale } from "@/lib/locale";
import { formatMoment } from "@/lib/time";
import { db } from "./client";
import type { MailJob } from "./jobs";
import { mailEach, appLink } from "./notify";
import { placesOf } from "./registrations";
import { ticketTokenFor } from "./tickets";
import { cars, eventSessions, events, registrations, users } from "./schema";

type Translator = ReturnType<typeof translatorFor>;

async function load(registrationId: string) {
  const [row] = await db().select({ reg: registrations, event: events, car: cars, owner: users }).from(registrations)
    .innerJoin(events, eq(events.id, registrations.eventId)).leftJoin(cars, eq(cars.id, registrations.carId))
    .leftJoin(users, eq(users.id, registrations.ownerId)).where(eq(registrations.id, registrationId));
  return row ?? null;
}

function placeLines(t: Translator, places: Awaited<ReturnType<typeof placesOf>>): string[] {
  return places.map((p) => `${p.name} (${formatMoment(p.startsAt)}): ${p.status === "confirmed" ? t("registration.confirmed") : t("registration.waitingPosition", { position: p.position ?? 0 })}`);
}

/** Composes a queued mail when it is sent, in the owner's language, from the data as it is then. */
export async function sendQueuedMail(job: MailJob): Promise<void> {
  const row = await load(job.registrationId);
  const ownerEmail = row?.owner?.email;
  if (!row || !ownerEmail) return; // account deleted since: nobody to tell
  const { reg, event, car, owner } = row;
  const recipients = [{ email: ownerEmail, locale: isLocale(owner?.locale) ? owner!.locale : null }];
  const ticket = appLink(`/registrations/${reg.id}`);
  const carName = car ? `${car.nickname || carModelName(car)} (${car.plate})` : "";
  if (job.kind === "registrationReceived") {
    const places = await placesOf(reg.id);
    if (reg.secondDriverEmail) recipients.push({ email: reg.secondDriverEmail, locale: recipients[0]!.locale });
    await mailEach(recipients, (t, r) => ({
      subject: t("registration.mail.receivedSubject", { event: event.name }),
      lines: [t("registration.mail.receivedBody", { event: event.name, car: carName }), ...placeLines(t, places),
        r.email === ownerEmail ? ticket : appLink(`/tickets/${ticketTokenFor(reg.id, event)}`)],
    }));
  } else if (job.kind === "placeConfirmed") {
    const [session] = await db().select().from(eventSessions).where(eq(eventSessions.id, job.sessionId));
    if (!session || reg.status !== "active") return;
    await mailEach(recipients, (t) => ({
      subject: t("registration.mail.promotedSubject", { session: session.name }),
      lines: [t("registration.mail.promotedBody", { session: session.name, event: event.name, when: formatMoment(session.startsAt) }), ticket],
    }));
  } else if (job.kind === "registrationCancelled") {
    await mailEach(recipients, (t) => ({ subject: t("registration.mail.cancelledSubject", { event: event.name }), lines: [t("registration.mail.cancelledBody", { event: event.name, car: carName })] }));
  } else if (job.kind === "removedByOrganiser") {
    await mailEach(recipients, (t) => ({ subject: t("roster.mail.removedSubject", { event: event.name }), lines: [t("roster.mail.removedBody", { event: event.name, car: carName }), t("roster.mail.reason", { reason: job.reason })] }));
  } else if (job.kind === "movedByOrganiser") {
    const [from, to] = await Promise.all([job.fromSessionId, job.toSessionId].map(async (id) => (await db().select().from(eventSessions).where(eq(eventSessions.id, id)))[0]));
    const place = (await placesOf(reg.id)).find((p) => p.sessionId === job.toSessionId);
    if (!to || !place || reg.status !== "active") return;
    await mailEach(recipients, (t) => ({
      subject: t("roster.mail.movedSubject", { session: to.name }),
      lines: [t("roster.mail.movedBody", { event: event.name, from: from?.name ?? "", to: to.name, when: formatMoment(to.startsAt) }), ...placeLines(t, [place]), ticket],
    }));
  } else if (reg.status === "active") {
    const places = await placesOf(reg.id);
    await mailEach(recipients, (t) => ({ subject: t("registration.mail.reminderSubject", { event: event.name }), lines: [t("registration.mail.reminderBody", { event: event.name }), ...placeLines(t, places), ticket] }));
  }
}
