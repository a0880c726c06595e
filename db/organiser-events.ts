import "server-only";
import { settleEvent } from "./payments/charges";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { EventInput, KeptSession } from "@/lib/schemas/event";
import { numberedSlug, slugify } from "@/lib/slug";
import { announceEventChange } from "./event-changes";
import { eventFor, mayDo } from "./access";
import { db } from "./client";
import { queueEventCancelled, queueSessionRemoved } from "./mail/queue";
import { fillFreePlaces } from "./registrations/places";
import type { Tx } from "./query";
import {
  clubs,
  eventSessions,
  events,
  registrations,
  registrationSessions,
  type Event,
  type EventSession,
} from "./schema";
import { isUuid } from "@/lib/uuid";
import { refuse, refuseAll, type Result } from "./result";

/** `told`: how many mails were queued (one per owner with an active registration in it). */
export type SaveResult = Result<{ slug: string; removedSessions: { name: string; told: number }[] }> | null;

/**
 * `wanted`, or it with the first free numeric suffix. Serialised per base slug by an advisory
 * lock, so two events created at once with the same name do not both pick the same one.
 */
async function uniqueSlug(tx: Tx, wanted: string, exceptId?: string): Promise<string> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`event-slug:${wanted}`}))`);
  const rows = await tx
    .select({ slug: events.slug, id: events.id })
    .from(events)
    .where(sql`${events.slug} like ${`${wanted.slice(0, 50)}%`}`);
  const used = new Set(rows.filter((r) => r.id !== exceptId).map((r) => r.slug));
  let slug = wanted;
  for (let n = 2; used.has(slug); n++) slug = numberedSlug(wanted, n);
  return slug;
}

const eventColumns = (input: EventInput) => ({
  name: input.name,
  venue: input.venue,
  description: input.description,
  startsOn: input.startsOn,
  endsOn: input.endsOn,
  registrationOpensAt: input.registrationOpensAt,
  registrationClosesAt: input.registrationClosesAt,
  allocation: input.allocation,
  maxSessionsPerCar: input.maxSessionsPerCar,
  eligibleModels: input.eligibleModels,
  rulesText: input.rulesText,
});
const sessionColumns = (s: KeptSession) => ({
  name: s.name,
  kind: s.kind,
  startsAt: s.startsAt,
  endsAt: s.endsAt,
  capacity: s.capacity,
  noiseLimitDb: s.noiseLimitDb,
  experienceLevels: s.experienceLevels,
});

/** A new draft event in a club where the user may create events. */
export async function createEvent(
  userId: string,
  clubId: string,
  input: EventInput,
  publish = false,
): Promise<SaveResult> {
  return db().transaction(async (tx) => {
    if (!isUuid(clubId)) return null;
    const [club] = await tx
      .select({ id: clubs.id })
      .from(clubs)
      .where(and(eq(clubs.id, clubId), mayDo(userId, "createEvent", clubs.id)));
    if (!club) return null;
    if (input.slug && (await uniqueSlug(tx, input.slug)) !== input.slug) return refuse("errors.slugTaken", "slug");
    const slug = input.slug ?? (await uniqueSlug(tx, slugify(input.name)));
    const [event] = await tx
      .insert(events)
      .values({ ...eventColumns(input), clubId, slug, status: publish ? "published" : "draft" })
      .returning();
    const kept = input.sessions.filter((s): s is KeptSession => !s.remove);
    await tx.insert(eventSessions).values(kept.map((s) => ({ ...sessionColumns(s), eventId: event!.id })));
    // A slug looked up while it did not exist yet must now be found, on every instance.
    await announceEventChange(tx, { slug, kind: "page" });
    return { ok: true, slug, removedSessions: [] } as const;
  });
}

export type EditableEvent = {
  event: Event;
  clubName: string;
  sessions: (EventSession & { registered: number; confirmed: number })[];
};

/** The event for its editor; null unless the user may edit events of its club. */
export async function getEventForEditing(userId: string, slug: string): Promise<EditableEvent | null> {
  const [row] = await db()
    .select({ event: events, clubName: clubs.name })
    .from(events)
    .innerJoin(clubs, eq(clubs.id, events.clubId))
    .where(and(eq(events.slug, slug), mayDo(userId, "editEvent", events.clubId)));
  if (!row) return null;
  const sessions = await db()
    .select({
      session: eventSessions,
      registered: sql<number>`count(${registrations.id})::int`,
      confirmed: sql<number>`count(${registrations.id}) filter (where ${registrationSessions.status} = 'confirmed')::int`,
    })
    .from(eventSessions)
    .leftJoin(registrationSessions, eq(registrationSessions.sessionId, eventSessions.id))
    .leftJoin(
      registrations,
      and(eq(registrations.id, registrationSessions.registrationId), eq(registrations.status, "active")),
    )
    .where(eq(eventSessions.eventId, row.event.id))
    .groupBy(eventSessions.id)
    .orderBy(asc(eventSessions.startsAt));
  return {
    event: row.event,
    clubName: row.clubName,
    sessions: sessions.map((s) => ({ ...s.session, registered: s.registered, confirmed: s.confirmed })),
  };
}

/**
 * Saves the editor's form in one transaction. A session that holds registrations is removed only
 * when the organiser confirmed it, and its owners' mails are queued in the same transaction;
 * capacity never drops below the cars already confirmed. (Reminders follow the first day by
 * themselves: db/mail/reminders.ts.)
 * `publish` moves a draft to published.
 */
export async function saveEvent(
  userId: string,
  slug: string,
  input: EventInput,
  publish: boolean,
): Promise<SaveResult> {
  return db().transaction(async (tx) => {
    const event = await eventFor(tx, userId, slug, "editEvent", true);
    if (!event) return null;
    const errors: Record<string, string> = {};
    let newSlug = event.slug;
    if (event.status === "draft" && input.slug && input.slug !== event.slug) {
      if ((await uniqueSlug(tx, input.slug, event.id)) !== input.slug) errors.slug = "errors.slugTaken";
      else newSlug = input.slug;
    }
    const existing = await tx.select().from(eventSessions).where(eq(eventSessions.eventId, event.id)).for("update");
    const byId = new Map(existing.map((s) => [s.id, s]));
    const removing: EventSession[] = [];
    for (const [i, s] of input.sessions.entries()) {
      const current = s.id ? byId.get(s.id) : undefined;
      if (!current) continue;
      if (s.remove) {
        const [{ cars } = { cars: 0 }] = await tx
          .select({ cars: sql<number>`count(*)::int` })
          .from(registrationSessions)
          .innerJoin(
            registrations,
            and(eq(registrations.id, registrationSessions.registrationId), eq(registrations.status, "active")),
          )
          .where(eq(registrationSessions.sessionId, current.id));
        if (cars > 0 && !s.confirmRemoval)
          errors[`sessions.${i}.confirmRemoval`] = `errors.confirmRemoval?count=${cars}`;
        else removing.push(current);
        continue;
      }
      const [{ confirmed } = { confirmed: 0 }] = await tx
        .select({ confirmed: sql<number>`count(*)::int` })
        .from(registrationSessions)
        .innerJoin(
          registrations,
          and(eq(registrations.id, registrationSessions.registrationId), eq(registrations.status, "active")),
        )
        .where(and(eq(registrationSessions.sessionId, current.id), eq(registrationSessions.status, "confirmed")));
      if (s.capacity < confirmed) errors[`sessions.${i}.capacity`] = `errors.capacityBelowConfirmed?count=${confirmed}`;
    }
    if (Object.keys(errors).length > 0) return refuseAll(errors);
    // Queued before the sessions go (their registrants are found through them), after every refusal.
    const removed: { name: string; told: number }[] = [];
    for (const s of removing) removed.push({ name: s.name, told: await queueSessionRemoved(tx, event.id, s) });
    await tx
      .update(events)
      .set({
        ...eventColumns(input),
        slug: newSlug,
        ...(publish && event.status === "draft" ? { status: "published" as const } : {}),
      })
      .where(eq(events.id, event.id));
    const removeIds = input.sessions.filter((s) => s.remove && s.id && byId.has(s.id)).map((s) => s.id!);
    if (removeIds.length) await tx.delete(eventSessions).where(inArray(eventSessions.id, removeIds));
    const kept: EventSession[] = [];
    for (const s of input.sessions) {
      if (s.remove) continue;
      if (s.id && byId.has(s.id))
        kept.push(
          ...(await tx.update(eventSessions).set(sessionColumns(s)).where(eq(eventSessions.id, s.id)).returning()),
        );
      else await tx.insert(eventSessions).values({ ...sessionColumns(s), eventId: event.id });
    }
    await refillAfterEdit(tx, kept, byId);
    // A removed session's places were deleted with it: their charges are credited.
    if (removed.length > 0) await settleEvent(tx, event.id);
    // Every instance expires the page when this commits: status, dates and programme show at once.
    await announceEventChange(tx, { slug: newSlug, kind: "page" });
    if (newSlug !== event.slug) await announceEventChange(tx, { slug: event.slug, kind: "page" });
    return { ok: true, slug: newSlug, removedSessions: removed } as const;
  });
}

/**
 * More room, or moved times that no longer clash, may give cars waiting a place: those sessions
 * (already locked above) are filled from their waiting lists in the same transaction.
 */
async function refillAfterEdit(tx: Tx, kept: EventSession[], before: Map<string, EventSession>) {
  const moved = kept.some((s) => {
    const old = before.get(s.id)!;
    return old.startsAt.getTime() !== s.startsAt.getTime() || old.endsAt.getTime() !== s.endsAt.getTime();
  });
  for (const s of kept) if (moved || s.capacity > before.get(s.id)!.capacity) await fillFreePlaces(tx, s);
}

/**
 * Cancels the event, and in the same transaction queues "event cancelled" to each owner with an
 * active registration (`told`: how many) and withdraws the reminders. Null when not allowed.
 */
export async function cancelEvent(userId: string, slug: string): Promise<{ event: Event; told: number } | null> {
  return db().transaction(async (tx) => {
    const [event] = await tx
      .update(events)
      .set({ status: "cancelled" })
      .where(
        and(eq(events.slug, slug), mayDo(userId, "cancelEvent", events.clubId), sql`${events.status} <> 'cancelled'`),
      )
      .returning();
    if (!event) return null;
    await announceEventChange(tx, { slug: event.slug, kind: "page" });
    const told = await queueEventCancelled(tx, event.id);
    await settleEvent(tx, event.id);
    return { event, told };
  });
}
