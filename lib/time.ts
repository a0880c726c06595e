import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";

/** Every time the app shows or reads is meant in the event's zone, whatever the device's. */
export const EVENT_TIME_ZONE = "Europe/Berlin";

export function inZone(moment: Date, zone = EVENT_TIME_ZONE): TZDate {
  return new TZDate(moment.getTime(), zone);
}

/** "HH:mm" in the zone. */
export function formatClock(moment: Date, zone = EVENT_TIME_ZONE): string {
  return format(inZone(moment, zone), "HH:mm");
}

/** "yyyy-MM-dd" (the calendar day) in the zone. */
export function dayKey(moment: Date, zone = EVENT_TIME_ZONE): string {
  return format(inZone(moment, zone), "yyyy-MM-dd");
}

/** "yyyy-MM-dd HH:mm" in the zone, for lists that are sorted, exported or audited (formatWhen for owners). */
export function formatMoment(moment: Date, zone = EVENT_TIME_ZONE): string {
  return format(inZone(moment, zone), "yyyy-MM-dd HH:mm");
}

const whenFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A moment as an owner reads it, in their language and the event's zone, on a 24-hour clock:
 * "Sat, Jun 5, 2027, 09:00", "Sa., 5. Juni 2027, 09:00"; without the year beside a session in
 * its event. (formatMoment's "2027-06-05 09:00" stays for lists that are sorted or exported.)
 */
export function formatWhen(moment: Date, locale: string, { year = true } = {}, zone = EVENT_TIME_ZONE): string {
  const key = `${locale}|${year}|${zone}`;
  let formatter = whenFormats.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, {
      weekday: "short",
      day: "numeric",
      month: "short",
      ...(year ? { year: "numeric" } : {}),
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZone: zone,
    });
    whenFormats.set(key, formatter);
  }
  return formatter.format(moment);
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** A calendar day ("2027-06-05") as an owner reads it: "Sat, Jun 5, 2027", "Sa., 5. Juni 2027". */
export function formatDay(day: string, locale: string): string {
  let formatter = dayFormats.get(locale);
  if (!formatter) {
    const style = { weekday: "short", day: "numeric", month: "short", year: "numeric", timeZone: "UTC" } as const;
    formatter = new Intl.DateTimeFormat(locale, style);
    dayFormats.set(locale, formatter);
  }
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return formatter.format(new Date(Date.UTC(y, m - 1, d)));
}

/**
 * "from–to" joined by word joiners (U+2060), which keep "09:00–12:30" on one line: a narrow
 * column or a phone would otherwise break after the dash.
 */
export const timeRange = (from: string, to: string): string => `${from}\u2060–\u2060${to}`;

/** A session's time as an owner reads it: "Sat, Jun 5, 09:00–12:30" (Berlin, whatever the device). */
export const formatSessionTime = (startsAt: Date, endsAt: Date, locale: string): string =>
  timeRange(formatWhen(startsAt, locale, { year: false }), formatClock(endsAt));

/** The instant that a wall-clock date and time in the zone names ("2026-10-25", "02:30"). */
export function zonedMoment(day: string, clock: string, zone = EVENT_TIME_ZONE): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const [hh, mm] = clock.split(":").map(Number) as [number, number];
  return new Date(new TZDate(y, m - 1, d, hh, mm, 0, zone).getTime());
}

/** Adds whole days to a "yyyy-MM-dd" calendar day. */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d + days));
  return date.toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday, for a "yyyy-MM-dd" calendar day. */
export function weekday(day: string): number {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** "yyyy-MM-ddTHH:mm" in the zone: the value of an <input type="datetime-local">. */
export function formatLocalInput(moment: Date, zone = EVENT_TIME_ZONE): string {
  return format(inZone(moment, zone), "yyyy-MM-dd'T'HH:mm");
}

/** The instant an <input type="datetime-local"> value ("yyyy-MM-ddTHH:mm") names in the zone. */
export function parseLocalInput(value: string, zone = EVENT_TIME_ZONE): Date {
  const [day = "", clock = ""] = value.split("T");
  return zonedMoment(day, clock, zone);
}
