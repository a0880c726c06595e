import { dayKey } from "./time";

type Timed = { startsAt: Date; endsAt: Date; capacity: number; confirmed: number };

/** Sessions grouped by their calendar day in the event's zone, days and sessions in time order. */
export function groupByDay<T extends Timed>(sessions: T[], zone?: string): { day: string; sessions: T[] }[] {
  const days = new Map<string, T[]>();
  for (const s of [...sessions].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())) {
    const key = dayKey(s.startsAt, zone);
    days.set(key, [...(days.get(key) ?? []), s]);
  }
  return [...days.entries()].map(([day, list]) => ({ day, sessions: list }));
}

export function placesLeft(session: Timed): number {
  return Math.max(0, session.capacity - session.confirmed);
}
