type Interval = { startsAt: Date; endsAt: Date };

/** Two sessions clash when their times overlap; touching end to start is no clash. */
export function clashes(a: Interval, b: Interval): boolean {
  return a.startsAt.getTime() < b.endsAt.getTime() && b.startsAt.getTime() < a.endsAt.getTime();
}

/** Every pair of items (by index) whose times overlap. */
export function clashingPairs<T extends Interval>(items: T[]): [number, number][] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) if (clashes(items[i]!, items[j]!)) pairs.push([i, j]);
  }
  return pairs;
}

/** True when no two of the chosen sessions overlap: what one registration may hold. */
export function isClashFree(items: Interval[]): boolean {
  return clashingPairs(items).length === 0;
}
