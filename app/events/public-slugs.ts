import "server-only";
import { isPublicEvent } from "@/db/event-changes";

// Which slugs proxy.ts may send to the shared cached page. Only a yes is remembered (a minute,
// and forgotten at once when an instance hears the event changed): a slug that is not public yet
// is asked of the database every time, so the first visitor after publishing finds the meet, and
// a made-up slug never fills Next's cache with "not found" copies.
const REMEMBER_MS = 60_000;

// On globalThis: proxy.ts and the route bundles of this process share one map.
const store = globalThis as unknown as { __ringmeetPublicSlugs?: Map<string, number> };
const known = (store.__ringmeetPublicSlugs ??= new Map());

export async function isServedFromCache(slug: string, now = Date.now()): Promise<boolean> {
  if ((known.get(slug) ?? 0) > now) return true;
  // With the database gone, a copy already cached is still worth serving.
  const visible = await isPublicEvent(slug).catch(() => true);
  if (visible) known.set(slug, now + REMEMBER_MS);
  else known.delete(slug);
  return visible;
}

export function forgetPublicSlug(slug?: string): void {
  if (slug === undefined) known.clear();
  else known.delete(slug);
}
