import { carStatus } from "./answer";
import type { CheckInCar, CheckInCounts, CheckInSession } from "./types";

/**
 * "Checked in: X of Y" from a copy of the list, the way db/check-in/reads.ts counts in SQL: Y is
 * the active cars holding at least one confirmed place; per session, the cars confirmed in it.
 */
export function countCheckIns(cars: CheckInCar[], sessions: CheckInSession[]): CheckInCounts {
  const expected = cars.filter((car) => carStatus(car) === "confirmed");
  const isIn = (car: CheckInCar) => car.checkedInAt !== null;
  return {
    checkedIn: expected.filter(isIn).length,
    total: expected.length,
    sessions: sessions.map((session) => {
      const confirmed = expected.filter((car) =>
        car.places.some((p) => p.sessionId === session.id && p.status === "confirmed"),
      );
      return { id: session.id, name: session.name, checkedIn: confirmed.filter(isIn).length, total: confirmed.length };
    }),
  };
}
