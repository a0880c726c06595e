import "server-only";
import { revalidatePath, revalidateTag, updateTag } from "next/cache";
import { announceEventChange } from "@/db/event-changes";
import { db } from "@/db/client";
import { eventTag, sharedCopyPaths } from "./cache-tags";
import { forgetLiveCounts } from "./live-counts";

// Other instances hear of count changes at most every two seconds per event: a burst of
// registrations costs each of them one stale mark, not one per registration.
const ANNOUNCE_EVERY_MS = 2000;
const pending = new Map<string, ReturnType<typeof setTimeout>>();

function announceCountsSoon(slug: string): void {
  if (pending.has(slug)) return;
  pending.set(
    slug,
    setTimeout(() => {
      pending.delete(slug);
      announceEventChange(db(), { slug, kind: "counts" }).catch((error) =>
        console.error(`[cache] could not announce ${slug}: ${error}`),
      );
    }, ANNOUNCE_EVERY_MS).unref(),
  );
}

/**
 * After places change (a registration, a cancellation, a draw): the cached page is marked stale
 * ("max" = stale-while-revalidate: the next visitor still gets it at once while a fresh one
 * renders). Only counts change, and the live counts correct them within seconds.
 */
export function revalidateEventPage(slug: string): void {
  revalidateTag(eventTag(slug), "max");
  forgetLiveCounts(slug);
  announceCountsSoon(slug);
}

/**
 * After the status, dates or programme change: expired at once here (this visitor reads their own
 * write). db/organiser-events.ts announced the change in its transaction, so every other instance
 * expires its copy when it commits (app/events/cache-sync.ts).
 */
export function expireEventPage(slug: string): void {
  updateTag(eventTag(slug));
  for (const path of sharedCopyPaths(slug)) revalidatePath(path);
  forgetLiveCounts(slug);
}
