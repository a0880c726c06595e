import { clashes, isClashFree } from "./clash";

export type Interval = { startsAt: Date; endsAt: Date };

/** First come, first served: a place while the session has room, else the waiting list. */
export function placeFor(confirmed: number, capacity: number): "confirmed" | "waiting" {
  return confirmed < capacity ? "confirmed" : "waiting";
}

export type SessionChoiceError = "errors.sessionsNone" | "errors.sessionsClash" | "errors.sessionsTooMany";

/** What one registration may hold: at least one session, no two overlapping, at most the event's limit. */
export function checkSessionChoice(chosen: Interval[], maxPerCar: number | null): SessionChoiceError | null {
  if (chosen.length === 0) return "errors.sessionsNone";
  if (maxPerCar !== null && chosen.length > maxPerCar) return "errors.sessionsTooMany";
  if (!isClashFree(chosen)) return "errors.sessionsClash";
  return null;
}

export type WaitingCandidate = { registrationId: string; waitSeq: number; confirmedElsewhere: Interval[] };

/**
 * Who moves up when a place in `session` frees: the earliest arrival on its waiting list whose
 * confirmed places elsewhere do not overlap it (nobody is promoted into a clash).
 */
export function pickPromotion(session: Interval, waiting: WaitingCandidate[]): string | null {
  const ordered = [...waiting].sort((a, b) => a.waitSeq - b.waitSeq);
  return ordered.find((c) => !c.confirmedElsewhere.some((other) => clashes(other, session)))?.registrationId ?? null;
}
