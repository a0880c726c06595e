import { addDays, zonedMoment } from "./time";

/** When a registration's reminder goes out: 09:00 Berlin two calendar days before the event, also across a clock change. */
export function reminderMoment(startsOn: string): Date {
  return zonedMoment(addDays(startsOn, -2), "09:00");
}
