import { dayKey } from "../time";
import type { CheckInCopy } from "./types";

/**
 * The copy as a phone may keep it: once the event's last day (Europe/Berlin) is over, emergency
 * contacts leave it, whatever the phone stored on the day. Older copies (no end day) lose them too.
 */
export function withoutExpiredContacts(copy: CheckInCopy, now: Date): CheckInCopy {
  const over = !copy.event.endsOn || dayKey(now) > copy.event.endsOn;
  if (!over) return copy;
  return { ...copy, cars: copy.cars.map((car) => (car.emergency ? { ...car, emergency: null } : car)) };
}
