import { checkSessionChoice, type Interval } from "./allocation";
import { mayBookSession, type ExperienceLevel } from "./paperwork";
import { eventPhase, type EventTimes } from "./event-phase";

// The verdicts of a registration's checks, on rows db/registrations/ has read (under their locks):
// pure, so they are tested without a database. A refusal has db/result.ts's shape.

type Refused = { ok: false; field: string; error: string };
const refused = (field: string, error: string): Refused => ({ ok: false, field, error });

/** The event while its registration window is open, if it gives places the given way. */
export function openOrNull<E extends EventTimes & { allocation: string }>(
  event: E | undefined,
  now: Date,
  allocation: readonly E["allocation"][],
): E | null {
  return event && eventPhase(event, now) === "open" && allocation.includes(event.allocation) ? event : null;
}

/** Not the owner's car (or none), or a model the event does not take. */
export function carRefusal(
  car: { model: string } | undefined,
  event: { eligibleModels: string[] | null },
): Refused | null {
  if (!car) return refused("carId", "errors.carNotYours");
  if (event.eligibleModels?.length && !event.eligibleModels.includes(car.model))
    return refused("carId", "errors.carNotEligible");
  return null;
}

/** A session of another event (or none found), too many, or two that clash. */
export function sessionsRefusal(
  found: Interval[],
  unique: string[],
  event: { maxSessionsPerCar: number | null },
): Refused | null {
  if (found.length !== unique.length) return refused("sessionIds", "errors.sessionNotInEvent");
  const problem = checkSessionChoice(found, event.maxSessionsPerCar);
  return problem ? refused("sessionIds", problem) : null;
}

/**
 * A session limited to experience levels (a run group) the driver's profile does not name: refused
 * beside the sessions, naming the first such session.
 */
export function runGroupRefusal(
  sessions: readonly { name: string; experienceLevels: readonly string[] }[],
  experience: ExperienceLevel | null | undefined,
): Refused | null {
  const closed = sessions.find((s) => !mayBookSession(s.experienceLevels, experience));
  return closed ? refused("sessionIds", `errors.sessionExperience?session=${encodeURIComponent(closed.name)}`) : null;
}

/** A form sent again: the registration it made, if it was this person's; someone else's key is refused. */
export function replayOf(
  row: { id: string; ownerId: string | null } | undefined,
  userId: string,
): { ok: true; registrationId: string } | Refused | null {
  if (!row) return null;
  return row.ownerId === userId ? { ok: true, registrationId: row.id } : refused("form", "errors.formReplayed");
}
