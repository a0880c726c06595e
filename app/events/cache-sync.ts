import "server-only";
import { createRequire } from "node:module";
import path from "node:path";
import { listenForEventChanges, type EventChange } from "@/db/event-changes";
import { EVENTS_TAG, eventTag, pathTag, sharedCopyPaths } from "./cache-tags";
import { forgetLiveCounts } from "./live-counts";

type TagState = { stale?: number; expired?: number };

/**
 * Next keeps which tags were revalidated in a map in its own server code (the file-system cache
 * reads it on every get). Loaded from next's files at run time, not bundled, so this is that very
 * map; a tag marked here is marked for every page and data entry of this process.
 */
function tagsManifest(): Map<string, TagState> {
  const load = createRequire(path.join(process.cwd(), "package.json"));
  const id = ["next", "dist", "server", "lib", "incremental-cache", "tags-manifest.external.js"].join("/");
  return (load(id) as { tagsManifest: Map<string, TagState> }).tagsManifest;
}

/**
 * What another instance's change means here: a page change expires the event's cached page and
 * data at once (the next request renders them anew, as updateTag does); a counts change marks them
 * stale (served once more while a fresh copy renders, as revalidateTag(tag, "max") does).
 */
export function applyEventChange(change: EventChange, now = Date.now()): void {
  const manifest = tagsManifest();
  const tag = eventTag(change.slug);
  const state = manifest.get(tag) ?? {};
  manifest.set(tag, change.kind === "page" ? { ...state, stale: now, expired: now } : { ...state, stale: now });
  // A "not found" copy rendered before publishing carries only its path's tag.
  if (change.kind === "page")
    for (const path of sharedCopyPaths(change.slug)) {
      const key = pathTag(path);
      manifest.set(key, { ...(manifest.get(key) ?? {}), stale: now, expired: now });
    }
  forgetLiveCounts(change.slug);
}

/**
 * Listens for event changes in this server process (instrumentation-node.ts). After a lost
 * connection announcements may have been missed: every event page expires once, to be safe.
 */
export async function startEventCacheSync(): Promise<{ stop: () => Promise<void> }> {
  let connections = 0;
  const { unlisten } = await listenForEventChanges(applyEventChange, () => {
    if (connections++ === 0) return;
    const manifest = tagsManifest();
    const now = Date.now();
    manifest.set(EVENTS_TAG, { ...(manifest.get(EVENTS_TAG) ?? {}), stale: now, expired: now });
  });
  return { stop: unlisten };
}
