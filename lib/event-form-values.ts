import { dayKey, formatClock, formatLocalInput } from "./time";

type EventLike = {
  name: string;
  slug: string;
  venue: string;
  description: string;
  startsOn: string;
  endsOn: string;
  registrationOpensAt: Date;
  registrationClosesAt: Date;
  allocation: string;
  maxSessionsPerCar: number | null;
  eligibleModels: string[] | null;
  rulesText: string;
};
type SessionLike = {
  id: string;
  name: string;
  kind: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  noiseLimitDb: number | null;
  experienceLevels?: string[];
};

/** A saved event as the editor's flat form values (Europe/Berlin wall-clock times). */
export function eventToFormValues(event: EventLike, sessions: SessionLike[]): Record<string, string> {
  const values: Record<string, string> = {
    name: event.name,
    slug: event.slug,
    venue: event.venue,
    description: event.description,
    startsOn: event.startsOn,
    endsOn: event.endsOn,
    registrationOpensAt: formatLocalInput(event.registrationOpensAt),
    registrationClosesAt: formatLocalInput(event.registrationClosesAt),
    allocation: event.allocation,
    maxSessionsPerCar: event.maxSessionsPerCar?.toString() ?? "",
    eligibleModels: (event.eligibleModels ?? []).join(","),
    rulesText: event.rulesText,
  };
  sessions.forEach((s, i) => {
    Object.assign(values, {
      [`sessions.${i}.id`]: s.id,
      [`sessions.${i}.name`]: s.name,
      [`sessions.${i}.kind`]: s.kind,
      [`sessions.${i}.day`]: dayKey(s.startsAt),
      [`sessions.${i}.start`]: formatClock(s.startsAt),
      [`sessions.${i}.end`]: formatClock(s.endsAt),
      [`sessions.${i}.capacity`]: String(s.capacity),
      [`sessions.${i}.noiseLimitDb`]: s.noiseLimitDb?.toString() ?? "",
      [`sessions.${i}.levels`]: (s.experienceLevels ?? []).join(","),
    });
  });
  return values;
}

/** The form a new event starts from: Nürburgring, first come first served, one empty session row. */
export function newEventFormValues(): Record<string, string> {
  return { venue: "Nürburgring", allocation: "fcfs", "sessions.0.kind": "paddock" };
}

/**
 * The form with one more, empty session row at the end. It takes the kind and the day of the row
 * before it: sessions come in runs (three GP sessions on the Sunday), so the organiser changes
 * only the times and the name.
 */
export function withSessionRowAdded(
  values: Record<string, string>,
  rows: number,
): { values: Record<string, string>; rows: number } {
  const previous = (field: string) => values[`sessions.${rows - 1}.${field}`];
  const added: Record<string, string> = {};
  for (const field of ["kind", "day"])
    if (rows > 0 && previous(field)) added[`sessions.${rows}.${field}`] = previous(field)!;
  return { values: { ...values, ...added }, rows: rows + 1 };
}
