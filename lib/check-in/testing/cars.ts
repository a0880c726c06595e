import { searchKeyOf } from "../search";
import type { CheckInCar } from "../types";

/** A car for the check-in tests; confirmed in session "s1" unless told otherwise. */
export function car(fields: Partial<CheckInCar> = {}): CheckInCar {
  return {
    searchKey: searchKeyOf(fields.driver ?? "Jürgen Maier"),
    registrationId: crypto.randomUUID(),
    plaque: 7,
    driver: "Jürgen Maier",
    car: "BMW 1M Coupé",
    colour: "Valencia Orange",
    swatch: "#f47b20",
    plate: "M-RM 1234",
    plateCountry: "DE",
    places: [{ sessionId: "s1", status: "confirmed" }],
    cancelled: false,
    checkedInAt: null,
    checkedInBy: null,
    paperwork: null,
    emergency: null,
    ...fields,
  };
}
