import "server-only";
import { eq } from "drizzle-orm";
import { isLocale } from "@/lib/locale";
import { formatMoment } from "@/lib/time";
import { db } from "./client";
import type { LotteryMailJob } from "./jobs";
import { choicesOf } from "./lottery-entries";
import { appLink, mailEach } from "./notify";
import { placesOf } from "./registrations";
import { events, registrations, users } from "./schema";

/** Composes a queued lottery mail when it is sent, in the owner's language. */
export async function sendLotteryMail(job: LotteryMailJob): Promise<void> {
  const [row] = await db().select({ reg: registrations, event: events, owner: users }).from(registrations)
    .innerJoin(events, eq(events.id, registrations.eventId)).leftJoin(users, eq(users.id, registrations.ownerId))
    .where(eq(registrations.id, job.registrationId));
  const email = row?.owner?.email;
  if (!row || !email || row.reg.status !== "active") return; // withdrawn or account deleted since
  const { reg, event, owner } = row;
  const recipients = [{ email, locale: isLocale(owner?.locale) ? owner!.locale : null }];
  const link = appLink(`/registrations/${reg.id}`);
  if (job.kind === "entryReceived") {
    const choices = await choicesOf(reg.id);
    await mailEach(recipients, (t) => ({
      subject: t("lottery.mail.entrySubject", { event: event.name }),
      lines: [t("lottery.mail.entryBody", { event: event.name, closes: formatMoment(event.registrationClosesAt) }),
        ...choices.map((c) => `${c.rank}. ${c.name} (${formatMoment(c.startsAt)})`), link],
    }));
    return;
  }
  const places = await placesOf(reg.id);
  await mailEach(recipients, (t) => ({
    subject: t("lottery.mail.resultSubject", { event: event.name }),
    lines: [
      t("lottery.mail.resultBody", { event: event.name, position: reg.drawPosition ?? 0 }),
      ...places.map((p) => `${p.name} (${formatMoment(p.startsAt)}): ${p.status === "confirmed" ? t("registration.confirmed") : t("registration.waitingPosition", { position: p.position ?? 0 })}`),
      link,
      appLink(`/events/${event.slug}/draw`),
    ],
  }));
}
