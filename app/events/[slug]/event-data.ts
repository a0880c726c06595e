import "server-only";
import { unstable_cache } from "next/cache";
import { cache } from "react";
import { isPublicEvent } from "@/db/event-changes";
import { getPublicEvent, type PublicEvent } from "@/db/events";
import { isSlug } from "@/lib/slug";
import { EVENTS_TAG, eventTag } from "../cache-tags";

// A safety net: cached pages are refreshed by tag on every change; this bounds any missed one.
const SAFETY_REVALIDATE_SECONDS = 3600;

type Stored = Omit<PublicEvent, "sessions"> & {
  sessions: (Omit<PublicEvent["sessions"][number], "startsAt" | "endsAt"> & { startsAt: string; endsAt: string })[];
};

/**
 * The public view of an event through Next's data cache, tagged `event:{slug}` and `events` so
 * that revalidateTag reaches every page rendered from it. The cache stores JSON: dates are
 * revived here.
 */
export async function getCachedPublicEvent(slug: string): Promise<PublicEvent | null> {
  // What cannot be a slug is no event: it never reaches the database or becomes a cache key (or a tag over Next's 256 characters).
  if (!isSlug(slug)) return null;
  const load = unstable_cache(
    async () => (await getPublicEvent(slug)) as unknown as Stored | null,
    ["public-event", slug],
    {
      tags: [eventTag(slug), EVENTS_TAG],
      revalidate: SAFETY_REVALIDATE_SECONDS,
    },
  );
  const stored = await load();
  if (!stored) return null;
  return {
    ...stored,
    event: { ...stored.event, ...revive(stored.event) },
    sessions: stored.sessions.map((s) => ({ ...s, startsAt: new Date(s.startsAt), endsAt: new Date(s.endsAt) })),
  };
}

// Every timestamp column is named *At; the JSON round trip turned them into strings.
function revive(event: Record<string, unknown>): Partial<PublicEvent["event"]> {
  const entries = Object.entries(event).filter(([key, value]) => key.endsWith("At") && typeof value === "string");
  return Object.fromEntries(entries.map(([key, value]) => [key, new Date(value as string)])) as Partial<
    PublicEvent["event"]
  >;
}

/**
 * The event when it is public, else null; asked of the database first, uncached: every
 * /events/{slug} that looks like a slug reaches a page, and a draft or made-up one must not leave
 * a "not found" entry in the data cache. Once per render (the page and its metadata share it).
 */
export const getPublicEventIfListed = cache(async (slug: string): Promise<PublicEvent | null> =>
  isSlug(slug) && (await isPublicEvent(slug)) ? getCachedPublicEvent(slug) : null,
);
