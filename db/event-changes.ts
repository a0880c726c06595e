import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import { db, sqlClient } from "./client";
import type { Db, Tx } from "./query";
import { events } from "./schema";

/** The Postgres channel on which every app instance hears that an event's public page changed. */
export const EVENT_CHANGES = "ringmeet_event_changes";

/**
 * `page`: what everybody must see at once (status, programme, dates); `counts`: places taken or
 * freed, which may lag by the live counts' few seconds.
 */
export type EventChange = { slug: string; kind: "page" | "counts" };

export function parseEventChange(payload: string): EventChange | null {
  try {
    const value = JSON.parse(payload) as Partial<EventChange>;
    return typeof value.slug === "string" && (value.kind === "page" || value.kind === "counts")
      ? { slug: value.slug, kind: value.kind }
      : null;
  } catch {
    return null;
  }
}

/**
 * Tells every instance, the caller's own included. Given a transaction, Postgres delivers it when
 * (and only if) that transaction commits, so no instance hears of a change it cannot yet read.
 */
export async function announceEventChange(q: Db | Tx, change: EventChange): Promise<void> {
  await q.execute(sql`select pg_notify(${EVENT_CHANGES}, ${JSON.stringify(change)})`);
}

/**
 * Calls `onChange` for every announcement, on a connection of its own that postgres.js reopens
 * after a loss; `onListening` runs on every (re)connection, when announcements may have been
 * missed meanwhile.
 */
export async function listenForEventChanges(
  onChange: (change: EventChange) => void,
  onListening: () => void,
): Promise<{ unlisten: () => Promise<void> }> {
  return sqlClient().listen(
    EVENT_CHANGES,
    (payload) => {
      const change = parseEventChange(payload);
      if (change) onChange(change);
    },
    onListening,
  );
}

/** Whether anybody may see the event's page: it exists and is not a draft. Not cached: a draft may be published any moment. */
export async function isPublicEvent(slug: string): Promise<boolean> {
  const rows = await db()
    .select({ id: events.id })
    .from(events)
    .where(and(eq(events.slug, slug), ne(events.status, "draft")))
    .limit(1);
  return rows.length > 0;
}
