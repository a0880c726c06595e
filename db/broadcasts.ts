import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { BroadcastInput } from "@/lib/schemas/broadcast";
import { eventFor } from "./access";
import { db } from "./client";
import { sqlRows } from "./query";
import { queueBroadcast } from "./mail/queue";
import { auditLog, broadcastRecipients, broadcasts, eventSessions } from "./schema";

/**
 * Who a broadcast reaches: owners of active registrations with a confirmed place, with only
 * waiting places, or with any place in one session. Each address once, however many cars.
 */
function audienceQuery(eventId: string, input: BroadcastInput) {
  const place =
    input.audience === "session"
      ? sql`exists (select 1 from registration_sessions rs where rs.registration_id = r.id and rs.session_id = ${input.sessionId})`
      : input.audience === "confirmed"
        ? sql`exists (select 1 from registration_sessions rs where rs.registration_id = r.id and rs.status = 'confirmed')`
        : sql`exists (select 1 from registration_sessions rs where rs.registration_id = r.id)
            and not exists (select 1 from registration_sessions rs where rs.registration_id = r.id and rs.status = 'confirmed')`;
  return sql`select distinct on (lower(u.email)) lower(u.email) as email, u.id as user_id, u.locale
    from registrations r join users u on u.id = r.owner_id
    where r.event_id = ${eventId} and r.status = 'active' and u.email is not null and ${place}`;
}

export type BroadcastResult =
  { ok: true; broadcastId: string; recipients: number } | { ok: false; field: string; error: string } | null;

/** Records the message and its recipients and queues one mail per recipient, in one transaction. */
export async function sendBroadcast(userId: string, slug: string, input: BroadcastInput): Promise<BroadcastResult> {
  return db().transaction(async (tx) => {
    const event = await eventFor(tx, userId, slug, "changeRoster");
    if (!event) return null;
    if (input.audience === "session") {
      const [session] = await tx
        .select({ id: eventSessions.id })
        .from(eventSessions)
        .where(and(eq(eventSessions.id, input.sessionId!), eq(eventSessions.eventId, event.id)));
      if (!session) return { ok: false, field: "sessionId", error: "broadcast.errors.session" };
    }
    const audience = await sqlRows<{ email: string; user_id: string; locale: string | null }>(
      tx,
      audienceQuery(event.id, input),
    );
    if (audience.length === 0) return { ok: false, field: "audience", error: "broadcast.errors.nobody" };
    const [created] = await tx
      .insert(broadcasts)
      .values({
        eventId: event.id,
        authorId: userId,
        audience: input.audience,
        sessionId: input.sessionId,
        subject: input.subject,
        body: input.body,
      })
      .returning({ id: broadcasts.id });
    const inserted = await tx
      .insert(broadcastRecipients)
      .values(audience.map((r) => ({ broadcastId: created!.id, email: r.email, userId: r.user_id, locale: r.locale })))
      .returning({ email: broadcastRecipients.email });
    await queueBroadcast(tx, created!.id);
    await tx.insert(auditLog).values({
      eventId: event.id,
      actorId: userId,
      action: "broadcast",
      detail: {
        broadcastId: created!.id,
        audience: input.audience,
        sessionId: input.sessionId,
        recipients: inserted.length,
        subject: input.subject,
      },
    });
    return { ok: true, broadcastId: created!.id, recipients: inserted.length };
  });
}

/** The event's broadcasts, newest first, with how many went out so far and to whom. */
export async function listBroadcasts(userId: string, slug: string) {
  const event = await eventFor(db(), userId, slug, "changeRoster");
  if (!event) return null;
  const [rows, sessions] = await Promise.all([
    db()
      .select({
        broadcast: broadcasts,
        recipients: sql<
          { email: string; sentAt: string | null }[]
        >`(select coalesce(json_agg(json_build_object('email', br.email, 'sentAt', br.sent_at) order by br.email), '[]') from broadcast_recipients br where br.broadcast_id = ${broadcasts.id})`,
      })
      .from(broadcasts)
      .where(eq(broadcasts.eventId, event.id))
      .orderBy(desc(broadcasts.createdAt)),
    db()
      .select({ id: eventSessions.id, name: eventSessions.name })
      .from(eventSessions)
      .where(eq(eventSessions.eventId, event.id))
      .orderBy(eventSessions.startsAt),
  ]);
  return { event, sessions, broadcasts: rows };
}
