import type { CheckInCar } from "./types";

/** Upper case letters and digits only: "M-RM 1234" and "mrm1234" are the same plate. */
export const plateKey = (text: string) => text.toUpperCase().replace(/[^\p{L}\p{N}]/gu, "");

/** Lower case without accents, so "Jürgen" is found by "jurgen" on a phone keyboard. */
const nameKey = (text: string) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().trim();

/** How well a car matches; lower is better, null when it does not match. */
function rank(car: CheckInCar, query: string): number | null {
  const plaque = /^#?\s*(\d{1,4})$/.exec(query)?.[1];
  if (plaque && car.plaque === Number(plaque)) return 0;
  const plate = plateKey(query);
  const carPlate = plateKey(car.plate ?? "");
  if (plate && carPlate === plate) return 1;
  const name = nameKey(query);
  const driver = nameKey(car.driver);
  if (name && driver.split(/\s+/).some((word) => word.startsWith(name))) return 2;
  if (plate.length >= 2 && carPlate.includes(plate)) return 3;
  if (name.length >= 2 && driver.includes(name)) return 4;
  return null;
}

/** The gate's fallback when there is no ticket: plate, name or plaque, best matches first. */
export function searchCars(cars: CheckInCar[], query: string, limit = 20): CheckInCar[] {
  const q = query.trim();
  if (!q) return [];
  return cars
    .map((car) => ({ car, rank: rank(car, q) }))
    .filter((hit): hit is { car: CheckInCar; rank: number } => hit.rank !== null)
    .sort((a, b) => a.rank - b.rank || (a.car.plaque ?? Infinity) - (b.car.plaque ?? Infinity) || a.car.driver.localeCompare(b.car.driver))
    .slice(0, limit)
    .map((hit) => hit.car);
}
