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

/** "yyyy-MM-dd HH:mm" in the zone, for lists and mail headers. */
export function formatMoment(moment: Date, zone = EVENT_TIME_ZONE): string {
  return format(inZone(moment, zone), "yyyy-MM-dd HH:mm");
}

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
