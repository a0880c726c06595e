import "server-only";
import { getPublicEvent, type PublicEvent } from "@/db/events";
import { paintName, swatchFor } from "@/lib/car-catalogue";
import { eventCounts, type EventCounts } from "@/lib/event-counts";
import { microCache, type MicroCache } from "@/lib/micro-cache";

/** The counts JSON: the counts plus each colour's display name and swatch, so the browser needs no catalogue. */
export type LiveCounts = Omit<EventCounts, "colours"> & {
  colours: (EventCounts["colours"][number] & { name: string; swatch: string })[];
};

// Fresh within two seconds; a thousand phones polling one event cost one query per interval.
const TTL_MS = 2000;

/** The counts out of a public event view: what the JSON route answers and the page prefetches. */
export function liveCountsFrom(data: PublicEvent): LiveCounts {
  const counts = eventCounts(data);
  return {
    ...counts,
    colours: counts.colours.map((c) => ({
      ...c,
      name: paintName(c.colour, c.individualColour),
      swatch: swatchFor(c.colour, c.individualColour),
    })),
  };
}

async function load(slug: string): Promise<LiveCounts | null> {
  const data = await getPublicEvent(slug);
  return data ? liveCountsFrom(data) : null;
}

// On globalThis: every route bundle in this process must share one cache (and one forget()).
const store = globalThis as unknown as { __ringmeetLiveCounts?: MicroCache<LiveCounts | null> };
const cache = (store.__ringmeetLiveCounts ??= microCache(load, { ttlMs: TTL_MS }));

/** The public counts of a visible event, at most two seconds old; null for an unknown or draft event. */
export function getLiveCounts(slug: string): Promise<LiveCounts | null> {
  return cache.get(slug);
}

export function forgetLiveCounts(slug: string): void {
  cache.forget(slug);
}
