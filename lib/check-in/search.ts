import { foldForSearch } from "@/lib/fold";
import type { CheckInCar } from "./types";

/** Upper case letters and digits only: "M-RM 1234" and "mrm1234" are the same plate. */
export const plateKey = (text: string) => text.toUpperCase().replace(/[^\p{L}\p{N}]/gu, "");

/**
 * What the gate may search a driver by: every name of theirs (full name, display name), folded
 * (lib/fold.ts) and each word once. The list shows only the short display name; a driver at the
 * gate gives their surname, so the key carries it without it ever being displayed.
 */
export function searchKeyOf(...names: (string | null | undefined)[]): string {
  return [...new Set(names.flatMap((n) => (n ? foldForSearch(n).split(" ") : [])).filter(Boolean))].join(" ");
}

/** How well a car matches; lower is better, null when it does not match. */
function rank(car: CheckInCar, query: string): number | null {
  const plaque = /^#?\s*(\d{1,4})$/.exec(query)?.[1];
  if (plaque && car.plaque === Number(plaque)) return 0;
  const plate = plateKey(query);
  const carPlate = plateKey(car.plate ?? "");
  if (plate && carPlate === plate) return 1;
  const name = foldForSearch(query);
  const words = car.searchKey.split(" ");
  // Every word typed begins a word of the name: "schulz", "stef schu", "Schulz, Stefan".
  if (name && name.split(" ").every((typed) => words.some((word) => word.startsWith(typed)))) return 2;
  if (plate.length >= 2 && carPlate.includes(plate)) return 3;
  if (name.length >= 2 && car.searchKey.includes(name)) return 4;
  return null;
}

/** The gate's fallback when there is no ticket: plate, name or plaque, best matches first. */
export function searchCars(cars: CheckInCar[], query: string, limit = 20): CheckInCar[] {
  const q = query.trim();
  if (!q) return [];
  return cars
    .map((car) => ({ car, rank: rank(car, q) }))
    .filter((hit): hit is { car: CheckInCar; rank: number } => hit.rank !== null)
    .sort(
      (a, b) =>
        a.rank - b.rank ||
        (a.car.plaque ?? Infinity) - (b.car.plaque ?? Infinity) ||
        a.car.driver.localeCompare(b.car.driver),
    )
    .slice(0, limit)
    .map((hit) => hit.car);
}
