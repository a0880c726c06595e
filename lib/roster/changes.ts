import { placeFor } from "../allocation";
import { clashes } from "../clash";

type Interval = { startsAt: Date; endsAt: Date };

/** The most cars an organiser may confirm beyond a session's capacity in one change. */
export const MAX_OVERBOOK = 100;

/**
 * Where an organiser's change puts a car: the owners' rule (confirmed while there is room, else
 * the waiting list), except that the organiser may confirm up to `overbook` cars beyond capacity.
 */
export function organiserPlace(confirmed: number, capacity: number, overbook = 0): "confirmed" | "waiting" {
  return placeFor(confirmed, capacity + Math.max(0, Math.min(overbook, MAX_OVERBOOK)));
}

export type MoveRefusal = "roster.errors.notInSession" | "roster.errors.alreadyInSession" | "roster.errors.clash";
export type HeldPlace = Interval & { sessionId: string };

/**
 * Why a car holding `held` places cannot move from session `fromId` to `to`, or null when it can.
 * Like an owner's choice, the place it gets may not overlap any other place it keeps.
 */
export function moveRefusal(
  held: readonly HeldPlace[],
  fromId: string,
  to: Interval & { id: string },
): MoveRefusal | null {
  if (!held.some((p) => p.sessionId === fromId)) return "roster.errors.notInSession";
  if (held.some((p) => p.sessionId === to.id)) return "roster.errors.alreadyInSession";
  const kept = held.filter((p) => p.sessionId !== fromId);
  return kept.some((p) => clashes(p, to)) ? "roster.errors.clash" : null;
}

export type PromoteRefusal = "roster.errors.notWaiting" | "roster.errors.full" | "roster.errors.clash";

/**
 * Why a waiting car cannot be confirmed in `session` out of turn, or null when it can: it must be
 * waiting there, the session must have room (or the stated overbooking), and its confirmed places
 * elsewhere may not overlap.
 */
export function promoteRefusal(
  place: { status: "confirmed" | "waiting" } | undefined,
  session: Interval & { capacity: number },
  confirmed: number,
  overbook: number,
  confirmedElsewhere: readonly Interval[],
): PromoteRefusal | null {
  if (place?.status !== "waiting") return "roster.errors.notWaiting";
  if (organiserPlace(confirmed, session.capacity, overbook) === "waiting") return "roster.errors.full";
  return confirmedElsewhere.some((p) => clashes(p, session)) ? "roster.errors.clash" : null;
}
