import { z } from "zod";
import { foldForSearch } from "@/lib/fold";
import { searchTextParam, uuidParam } from "@/lib/search-params";

/**
 * /events in pages, so that a request's work is bounded however many clubs publish
 * (docs/SECURITY.md): 2,000 events made a 2.2 MB page in 0.4–0.7 s. Large on purpose: the contract
 * lists every upcoming event there, and a club or a test that has just published one looks for it
 * on the first page; among so many, people search.
 */
export const EVENTS_PAGE_SIZE = 1000;
const MAX_SEARCH = 100;

/**
 * The list's query string: `q` searches the event's name, venue and club; `after` is the last event
 * of the page before (its id). A hand-edited or stale link falls back to the first page, unsearched,
 * rather than an error.
 */
export const eventsListSchema = z.object({
  q: searchTextParam(MAX_SEARCH),
  after: uuidParam(),
});

export type EventsListQuery = z.output<typeof eventsListSchema>;

/** The address of a page of the list (empty parameters left out). */
export function eventsListPath({ q, after }: Partial<EventsListQuery>): string {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  if (after) params.set("after", after);
  const query = params.toString();
  return query ? `/events?${query}` : "/events";
}

/** The query's words, folded as names are (lib/fold.ts). */
export const searchWords = (q: string): string[] => foldForSearch(q).split(" ").filter(Boolean);

/** Whether every word of the query is in the event's name, venue or club, folded alike. */
export function eventMatches(words: readonly string[], event: { name: string; venue: string; clubName: string }) {
  const text = foldForSearch(`${event.name} ${event.venue} ${event.clubName}`);
  return words.every((word) => text.includes(word));
}
