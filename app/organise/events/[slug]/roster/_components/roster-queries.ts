import { rosterQueryToSearchParams, type RosterQuery } from "@/lib/roster/query";

// The roster's one query-key factory: the server prefetch and the browser's polling must agree on
// these keys, or the hydrated page would be fetched again under another name.
export const rosterKeys = {
  all: ["roster"] as const,
  page: (slug: string, query: RosterQuery) =>
    [...rosterKeys.all, slug, rosterQueryToSearchParams(query).toString()] as const,
};

/** How often an open roster asks for fresh rows and counts. */
export const ROSTER_POLL_MS = 5000;

export const rosterPath = (slug: string) => `/organise/events/${encodeURIComponent(slug)}/roster`;

/** The roster with `query` changed by `change` (a sort link, the next page …). */
export function rosterHref(slug: string, query: RosterQuery, change: Partial<RosterQuery> = {}): string {
  const params = rosterQueryToSearchParams({ ...query, ...change }).toString();
  return params ? `${rosterPath(slug)}?${params}` : rosterPath(slug);
}

export function rosterDataUrl(slug: string, query: RosterQuery): string {
  return `${rosterPath(slug)}/data?${rosterQueryToSearchParams(query).toString()}`;
}

export const entryPath = (slug: string, registrationId: string) => `${rosterPath(slug)}/${registrationId}`;
