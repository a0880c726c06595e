import { addDays, EVENT_TIME_ZONE, zonedMoment } from "@/lib/time";

/**
 * When an event's gate opens: 00:00 on the day before its first day, in the event's time zone.
 * Cars arrive the evening before a meet (the paddock fills on Friday night), so the first
 * session's start is no guide; a whole day before is easy to explain and still shuts out a
 * phone whose clock was reset (1970, 2000) or a scan time from another week.
 */
export function gateOpensAt(startsOn: string, timeZone = EVENT_TIME_ZONE): Date {
  return zonedMoment(addDays(startsOn, -1), "00:00", timeZone);
}

/**
 * The time a check-in is recorded at: the phone's scan time when it lies between the gate's
 * opening and `now` (the server's clock when the check-in arrives), else `now`.
 *
 * Clamped, not refused: by the time a queued check-in reaches the server the car was admitted
 * on the strength of the phone's answer. Refusing it would lose a real admission (and free the
 * ticket for a second use on another phone), only because the phone's clock is wrong. `now` is
 * safe under "the earliest scan wins": it is later than every scan that really happened before
 * it, so a clamped time never beats a genuine one, and a backdated time (before the gate opened)
 * can no longer be used to win. A clock a few minutes fast needs no allowance: its time is later
 * than `now` and simply becomes `now`. Before the gate opens (a rehearsal, the demo) every
 * check-in is recorded at its arrival.
 */
export function recordedScanTime(scannedAt: Date, opensAt: Date, now: Date): Date {
  const time = scannedAt.getTime();
  return Number.isNaN(time) || time < opensAt.getTime() || time > now.getTime() ? now : scannedAt;
}
