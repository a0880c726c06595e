export function countsUrl(slug: string): string {
  return `/api/events/${encodeURIComponent(slug)}/counts`;
}

/** How often an open page asks for fresh counts; the JSON route is cached for two seconds. */
export const COUNTS_POLL_MS = 5000;
