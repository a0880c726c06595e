// The event page's one query-key factory: the server prefetch and the browser's polling must
// agree on these keys, or the hydrated counts would be fetched again under another name.
export const eventKeys = {
  all: ["event"] as const,
  counts: (slug: string) => [...eventKeys.all, slug, "counts"] as const,
};

export function countsUrl(slug: string): string {
  return `/api/events/${encodeURIComponent(slug)}/counts`;
}

/** How often an open page asks for fresh counts; the JSON route is cached for two seconds. */
export const COUNTS_POLL_MS = 5000;
