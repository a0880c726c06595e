import { createEvents, type EventAttributes } from "ics";

export type CalendarEvent = { name: string; venue: string; url: string; cancelled?: boolean };
export type CalendarSession = { id: string; name: string; startsAt: Date; endsAt: Date };

/** A session's UID: stable across downloads (a re-import updates rather than duplicates) and unique. */
export function sessionUid(sessionId: string): string {
  return `${sessionId}@ringmeet`;
}

/**
 * The public programme as an iCalendar file: one VEVENT per session, times in UTC ("…Z"), so every
 * calendar shows them right in its own zone whatever the daylight-saving rules.
 */
export function programmeCalendar(event: CalendarEvent, sessions: CalendarSession[]): string {
  const entries: EventAttributes[] = sessions.map((session) => ({
    uid: sessionUid(session.id),
    title: session.name,
    description: `${event.name}\n${event.url}`,
    location: event.venue,
    url: event.url,
    start: session.startsAt.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    end: session.endsAt.getTime(),
    endInputType: "utc",
    endOutputType: "utc",
    status: event.cancelled ? "CANCELLED" : "CONFIRMED",
  }));
  const { error, value } = createEvents(entries, { productId: "ringmeet/programme", calName: event.name });
  if (error || value === null) throw error ?? new Error("The calendar could not be written");
  return value;
}
