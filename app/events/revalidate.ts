import "server-only";
import { revalidateTag } from "next/cache";
import { EVENTS_TAG, eventTag } from "./cache-tags";
import { forgetLiveCounts } from "./live-counts";

/**
 * After a registration changes (or anything else on one event's public page), mark its cached
 * page stale: the next visitor still gets the cached copy at once while a fresh one renders
 * ("max" = stale-while-revalidate). Live counts in this process are dropped too; other
 * instances catch up within their micro-cache's two seconds.
 */
export function revalidateEventPage(slug: string): void {
  revalidateTag(eventTag(slug), "max");
  forgetLiveCounts(slug);
}

/** After the programme, dates or status change: the event's page and the /events list. */
export function revalidateEventListing(slug: string): void {
  revalidateEventPage(slug);
  revalidateTag(EVENTS_TAG, "max");
}
