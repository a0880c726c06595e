import { dayKey } from "../time";
import type { CheckInCar, CheckInCopy } from "./types";

/**
 * The copy as a phone may keep it: once the event's last day (Europe/Berlin) is over, emergency
 * contacts leave it, whatever the phone stored on the day. Older copies (no end day) lose them too.
 */
export function withoutExpiredContacts(copy: CheckInCopy, now: Date): CheckInCopy {
  const over = !copy.event.endsOn || dayKey(now) > copy.event.endsOn;
  if (!over) return copy;
  return { ...copy, cars: dropContacts(copy.cars) };
}

const dropContacts = (cars: CheckInCar[]) => cars.map((car) => (car.emergency ? { ...car, emergency: null } : car));

/**
 * The copy a page's HTML may carry: no emergency contacts. The service worker keeps the gate
 * page's HTML for offline use, and nothing expires what sits in it; contacts travel only in the
 * page's data requests and the phone's IndexedDB copy, which `withoutExpiredContacts` clears.
 */
export function withoutContacts(copy: CheckInCopy): CheckInCopy {
  return { ...copy, contactsWithheld: true, cars: dropContacts(copy.cars) };
}

/** A copy that came without contacts (the page's HTML), with those the phone saved for the same cars. */
export function withContactsFrom(copy: CheckInCopy, saved: CheckInCopy | null): CheckInCopy {
  if (!copy.contactsWithheld || !saved || saved.event.id !== copy.event.id) return copy;
  const known = new Map(saved.cars.flatMap((car) => (car.emergency ? [[car.registrationId, car.emergency]] : [])));
  const cars = copy.cars.map((car) => {
    const emergency = car.emergency ?? known.get(car.registrationId) ?? null;
    return emergency === car.emergency ? car : { ...car, emergency };
  });
  return { ...copy, cars };
}
