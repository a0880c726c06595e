// Tags on the cached event pages and their data; revalidate.ts and the organiser actions use them.
export const EVENTS_TAG = "events";

export function eventTag(slug: string): string {
  return `event:${slug}`;
}
