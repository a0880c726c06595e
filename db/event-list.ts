import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { EVENTS_PAGE_SIZE, eventMatches, searchWords } from "@/lib/events-list";
import { db } from "./client";
import { sqlRows } from "./query";

/** What a card on /events shows. */
export type EventCard = {
  id: string;
  slug: string;
  name: string;
  venue: string;
  startsOn: string;
  endsOn: string;
  clubName: string;
};

export type EventsPage = { events: EventCard[]; more: boolean };

// Published events that have not ended, soonest first; the same day by name, then id, so that a
// page's last event is a cursor that neither skips nor repeats one.
const upcoming = (today: string, and: SQL = sql``) => sql`
  select e.id, e.slug, e.name, e.venue, e.starts_on::text as "startsOn", e.ends_on::text as "endsOn",
         c.name as "clubName"
  from events e join clubs c on c.id = e.club_id
  where e.status = 'published' and e.ends_on >= ${today}::date ${and}
  order by e.starts_on, e.name, e.id`;

/**
 * A page of the upcoming events after the event `after` (the first page without it, or when that
 * event is not listed any more), searched by `q`. A search folds names as the roster does
 * (lib/fold.ts: "nurburgring" finds "Nürburgring"), which the database's C collation cannot, so it
 * reads the upcoming events' cards and filters them here: a few thousand short rows at most.
 */
export async function listUpcomingEvents(
  today: string,
  { q = "", after = null, limit = EVENTS_PAGE_SIZE }: { q?: string; after?: string | null; limit?: number } = {},
): Promise<EventsPage> {
  const words = searchWords(q);
  if (words.length > 0) {
    const found = (await sqlRows<EventCard>(db(), upcoming(today))).filter((e) => eventMatches(words, e));
    const start = after ? found.findIndex((e) => e.id === after) + 1 : 0;
    return pageOf(found.slice(start, start + limit + 1), limit);
  }
  // Past the cursor: no cursor event at or after this one (so a cursor gone since starts again).
  const cursor = after
    ? sql`and not exists (select from events a
           where a.id = ${after}::uuid and (a.starts_on, a.name, a.id) >= (e.starts_on, e.name, e.id))`
    : sql``;
  return pageOf(await sqlRows<EventCard>(db(), sql`${upcoming(today, cursor)} limit ${limit + 1}`), limit);
}

const pageOf = (rows: EventCard[], limit: number): EventsPage => ({
  events: rows.slice(0, limit),
  more: rows.length > limit,
});
