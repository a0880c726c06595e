import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { applyEventChange } from "./cache-sync";
import { EVENTS_TAG, eventTag, pathTag, sharedCopyPaths } from "./cache-tags";

// Next's own check, as its file-system cache runs it on every read of a cached page or datum.
const next = createRequire(import.meta.url)("next/dist/server/lib/incremental-cache/tags-manifest.external.js") as {
  areTagsExpired: (tags: string[], lastModified: number) => boolean;
  areTagsStale: (tags: string[], lastModified: number) => boolean;
};

describe("applyEventChange", () => {
  it("expires the event's cached page and data at once for a page change, and nothing else", async () => {
    const renderedAt = Date.now() - 1000;
    applyEventChange({ slug: "changed-page", kind: "page" });
    expect(next.areTagsExpired([eventTag("changed-page"), EVENTS_TAG], renderedAt)).toBe(true);
    expect(next.areTagsExpired([eventTag("another-event"), EVENTS_TAG], renderedAt)).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(next.areTagsExpired([eventTag("changed-page")], Date.now())).toBe(false); // a copy rendered afterwards is fresh
  });

  it("expires the shared copies' paths for a page change: a 'not found' rendered before publishing has no event tag", () => {
    const renderedAt = Date.now() - 1000;
    const tags = sharedCopyPaths("published-now").map(pathTag);
    expect(tags).toEqual([
      "_N_T_/events/published-now",
      "_N_T_/events/published-now/in/en",
      "_N_T_/events/published-now/in/de",
    ]);
    applyEventChange({ slug: "published-now", kind: "counts" });
    expect(next.areTagsExpired([tags[0]!], renderedAt)).toBe(false);
    applyEventChange({ slug: "published-now", kind: "page" });
    expect(tags.every((tag) => next.areTagsExpired([tag], renderedAt))).toBe(true);
    expect(next.areTagsExpired([pathTag("/events/another-event")], renderedAt)).toBe(false);
  });

  it("only marks the page stale for a counts change (served once more while it renders anew)", () => {
    const renderedAt = Date.now() - 1000;
    applyEventChange({ slug: "changed-counts", kind: "counts" });
    expect(next.areTagsExpired([eventTag("changed-counts")], renderedAt)).toBe(false);
    expect(next.areTagsStale([eventTag("changed-counts")], renderedAt)).toBe(true);
  });
});
