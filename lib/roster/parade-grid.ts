/** Line-up for a parade (Corso, photo session): the pace car leads, then every confirmed car once. */

export type GridCar = { registrationId: string; plaque: number | null; colour: string };
/** Colour blocks in the organiser's order (colours left out follow, A–Z by key), or plaque order. */
export type GridMode = { kind: "colour-blocks"; colourOrder: readonly string[] } | { kind: "plaque" };
export type PaceEntry = { kind: "pace" };
export type CarEntry<C extends GridCar = GridCar> = { kind: "car"; car: C };
/** Index 0 is always the pace car, so a car's grid position is its index + 1 (2 … N+1). */
export type GridEntry<C extends GridCar = GridCar> = PaceEntry | CarEntry<C>;

export const PACE_CAR: PaceEntry = { kind: "pace" };

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Plaque ascending; cars still without a plaque go last, by registration id so the order is stable. */
export function compareByPlaque(a: GridCar, b: GridCar): number {
  if (a.plaque !== null && b.plaque !== null && a.plaque !== b.plaque) return a.plaque - b.plaque;
  if (a.plaque === null && b.plaque !== null) return 1;
  if (a.plaque !== null && b.plaque === null) return -1;
  return compareText(a.registrationId, b.registrationId);
}

function colourComparator(colourOrder: readonly string[]) {
  const rank = new Map<string, number>();
  colourOrder.forEach((colour, i) => {
    if (!rank.has(colour)) rank.set(colour, i);
  });
  return (a: GridCar, b: GridCar): number => {
    const ra = rank.get(a.colour) ?? Infinity;
    const rb = rank.get(b.colour) ?? Infinity;
    if (ra !== rb) return ra - rb;
    if (ra === Infinity && a.colour !== b.colour) return compareText(a.colour, b.colour);
    return compareByPlaque(a, b);
  };
}

const withPace = <C extends GridCar>(cars: readonly C[]): GridEntry<C>[] => [
  PACE_CAR,
  ...cars.map((car) => ({ kind: "car" as const, car })),
];

export function paradeGrid<C extends GridCar>(cars: readonly C[], mode: GridMode): GridEntry<C>[] {
  const compare = mode.kind === "plaque" ? compareByPlaque : colourComparator(mode.colourOrder);
  return withPace([...cars].sort(compare));
}

/**
 * Moves one car (drag and drop, or the arrow keys). The pace car stays first: moving it is a no-op
 * and a target before the first car lands on the first car's place.
 */
export function moveInGrid<C extends GridCar>(
  grid: readonly GridEntry<C>[],
  fromIndex: number,
  toIndex: number,
): GridEntry<C>[] {
  const next = [...grid];
  const moved = Number.isInteger(fromIndex) && fromIndex >= 1 ? next[fromIndex] : undefined;
  if (!moved || moved.kind === "pace") return next;
  const target = Math.min(Math.max(Math.trunc(toIndex) || 1, 1), next.length - 1);
  next.splice(fromIndex, 1);
  next.splice(target, 0, moved);
  return next;
}

/** What to store: the cars' registration ids in grid order (the pace car is implied). */
export function gridOrderIds(grid: readonly GridEntry[]): string[] {
  return grid.flatMap((e) => (e.kind === "car" ? [e.car.registrationId] : []));
}

export type GridOrderCheck = { ok: boolean; missing: string[]; extra: string[]; duplicates: string[] };

/**
 * Whether a saved or submitted order names each confirmed car exactly once. `missing`: confirmed
 * but absent; `extra`: no longer (or never) confirmed; `duplicates`: named more than once.
 */
export function validateGridOrder(order: readonly string[], confirmedIds: Iterable<string>): GridOrderCheck {
  const confirmed = new Set(confirmedIds);
  const seen = new Set<string>();
  const extra: string[] = [];
  const duplicates: string[] = [];
  for (const id of order) {
    if (seen.has(id)) {
      if (!duplicates.includes(id)) duplicates.push(id);
      continue;
    }
    seen.add(id);
    if (!confirmed.has(id)) extra.push(id);
  }
  const missing = [...confirmed].filter((id) => !seen.has(id));
  return { ok: missing.length === 0 && extra.length === 0 && duplicates.length === 0, missing, extra, duplicates };
}

/**
 * A stale saved order brought up to date: cars no longer confirmed (and repeats) dropped, the
 * saved sequence kept for the rest, newly confirmed cars appended in plaque order.
 */
export function repairGridOrder<C extends GridCar>(order: readonly string[], confirmed: readonly C[]): GridEntry<C>[] {
  const byId = new Map(confirmed.map((car) => [car.registrationId, car]));
  const kept: C[] = [];
  for (const id of order) {
    const car = byId.get(id);
    if (!car) continue;
    kept.push(car);
    byId.delete(id);
  }
  return withPace([...kept, ...[...byId.values()].sort(compareByPlaque)]);
}
