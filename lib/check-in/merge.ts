import type { CheckInCar, CheckInCopy, CheckInState, PendingCheckIn } from "./types";

/**
 * The rule both the server and the phones follow when one car is checked in more than once
 * (two phones offline, or a resend): the earliest scan is the check-in; a later one is not
 * accepted, and its phone is told. An equal time keeps the one already there.
 */
export function isEarlier(scannedAt: Date, current: Date | null): boolean {
  return current === null || scannedAt.getTime() < current.getTime();
}

/** The copy with the server's newer word on some cars (from the live poll or a sync answer). */
export function applyStates(copy: CheckInCopy, states: CheckInState[]): CheckInCopy {
  if (states.length === 0) return copy;
  const byId = new Map(states.map((s) => [s.registrationId, s]));
  const cars = copy.cars.map((car): CheckInCar => {
    const state = byId.get(car.registrationId);
    return state ? { ...car, checkedInAt: state.checkedInAt, checkedInBy: state.checkedInBy } : car;
  });
  return { ...copy, cars };
}

/** Pending check-ins the server has since answered for are dropped; the rest stay queued. */
export function stillPending(pending: PendingCheckIn[], answered: Set<string>): PendingCheckIn[] {
  return pending.filter((p) => !answered.has(p.clientId));
}
