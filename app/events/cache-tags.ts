import { locales } from "@/lib/locale";

// Tags on the cached event pages and their data; revalidate.ts and the organiser actions use them.
export const EVENTS_TAG = "events";

export function eventTag(slug: string): string {
  return `event:${slug}`;
}

/**
 * The paths of an event page's shared copies: English at its own address, and one per language
 * under in/ (where proxy.ts and next.config.js send German). A copy rendered while the event was not
 * public ("not found") carries no event tag, only Next's tag of its path: publishing expires those.
 */
export function sharedCopyPaths(slug: string): string[] {
  return [`/events/${slug}`, ...locales.map((locale) => `/events/${slug}/in/${locale}`)];
}

/** Next's tag of a rendered path (NEXT_CACHE_IMPLICIT_TAG_ID), which revalidatePath expires. */
export const pathTag = (path: string) => `_N_T_${path}`;
