import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { db } from "../client";
import { translatorFor } from "@/i18n/messages";
import { otherLocale } from "@/lib/locale";
import { broadcastRecipients, broadcasts, events, registrations, type MailRow } from "../schema";
import { appLink, localeOf, localeOr, written, type Composed, type Translator } from "./compose";

const eventOf = async (id: string | null) =>
  id ? (await db().select().from(events).where(eq(events.id, id)))[0] : undefined;

/** "Event cancelled": sent whatever happened since, it is the last word. */
export async function composeEventCancelled(row: MailRow): Promise<Composed> {
  const event = await eventOf(row.eventId);
  if (!event) return null;
  return written(await localeOf(row.userId), (t) => ({
    subject: t("organise.mail.eventCancelledSubject", { event: event.name }),
    lines: [t("organise.mail.eventCancelledBody", { event: event.name }), appLink(`/events/${event.slug}`)],
  }));
}

/** "Session removed": the session row is gone, its name travels in the payload. */
export async function composeSessionRemoved(row: MailRow): Promise<Composed> {
  const event = await eventOf(row.eventId);
  const session = String(row.payload.session ?? "");
  if (!event) return null;
  return written(await localeOf(row.userId), (t) => ({
    subject: t("organise.mail.sessionRemovedSubject", { session }),
    lines: [t("organise.mail.sessionRemovedBody", { session }), appLink(`/events/${event.slug}`)],
  }));
}

/** "Please sign the waiver again": the organiser changed its text after this driver signed. */
export async function composeWaiverChanged(row: MailRow): Promise<Composed> {
  const event = await eventOf(row.eventId);
  if (!event || !row.registrationId) return null;
  const version = Number(row.payload.version ?? 0);
  return written(await localeOf(row.userId), (t) => ({
    subject: t("paperwork.mail.changedSubject", { event: event.name }),
    lines: [
      t("paperwork.mail.changedBody", { event: event.name, version }),
      appLink(`/registrations/${row.registrationId}/waiver`),
    ],
  }));
}

/**
 * "Please sign the waiver": a second driver's one-time link. The second driver has no account and
 * so no language of their own: the mail is written in the registering owner's language first and
 * in the other one after it, so either reader finds their words.
 */
export async function composeWaiverToSign(row: MailRow, token: string | undefined): Promise<Composed> {
  const event = await eventOf(row.eventId);
  if (!event || !token || !row.registrationId) return null;
  const [owner] = await db()
    .select({ id: registrations.ownerId })
    .from(registrations)
    .where(eq(registrations.id, row.registrationId));
  const first = await localeOf(owner?.id ?? null);
  const both = [translatorFor(first), translatorFor(otherLocale(first))];
  const say = (key: "toSignSubject" | "toSignBody") =>
    both.map((t: Translator) => t(`paperwork.mail.${key}`, { event: event.name }));
  return written(first, () => ({
    subject: say("toSignSubject").join(" / "),
    lines: [appLink(`/waiver/${token}`), ...say("toSignBody")],
  }));
}

/** "Transfer offered": the link to take over another owner's place, in the recipient's language when they have an account. */
export async function composeTransferOffered(row: MailRow, token: string | undefined): Promise<Composed> {
  const event = await eventOf(row.eventId);
  if (!event || !token) return null;
  return written(await localeOf(row.userId), (t) => ({
    subject: t("payments.mail.transferSubject", { event: event.name }),
    lines: [t("payments.mail.transferBody", { event: event.name }), appLink(`/transfers/${token}`)],
  }));
}

/** An organiser's broadcast, in the frame of the language the recipient row was written with. */
export async function composeBroadcast(row: MailRow): Promise<Composed> {
  const broadcastId = String(row.payload.broadcastId ?? "");
  const [found] = await db()
    .select({ b: broadcasts, eventName: events.name, slug: events.slug, locale: broadcastRecipients.locale })
    .from(broadcasts)
    .innerJoin(events, eq(events.id, broadcasts.eventId))
    .innerJoin(
      broadcastRecipients,
      and(eq(broadcastRecipients.broadcastId, broadcasts.id), eq(broadcastRecipients.email, row.recipient)),
    )
    .where(eq(broadcasts.id, broadcastId));
  if (!found) return null;
  return written(localeOr(found.locale), (t) => ({
    subject: found.b.subject,
    lines: [found.b.body, t("broadcast.mail.footer", { event: found.eventName }), appLink(`/events/${found.slug}`)],
  }));
}

/** Marks the broadcast's recipient row as the broadcast page shows it ("✓"). */
export async function markBroadcastSent(row: MailRow, at: Date): Promise<void> {
  await db()
    .update(broadcastRecipients)
    .set({ sentAt: at })
    .where(
      and(
        sql`${broadcastRecipients.broadcastId}::text = ${String(row.payload.broadcastId ?? "")}`,
        eq(broadcastRecipients.email, row.recipient),
      ),
    );
}
