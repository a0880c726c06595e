/**
 * How often each abusable thing may happen, per key, within a window. Generous enough for a club
 * behind one mobile network's shared address at the Ring, tight enough that nobody can use
 * Ringmeet to mail strangers in bulk or to grind through guesses.
 */
export const RATE_LIMITS = {
  /** Sign-in links mailed to one address. */
  signInPerAddress: { points: 5, seconds: 15 * 60 },
  /** Sign-in links asked for from one network address (many owners may share one). */
  signInPerIp: { points: 100, seconds: 15 * 60 },
  /** WebAuthn challenges handed out to one network address. */
  passkeyOptionsPerIp: { points: 60, seconds: 60 },
  /** Invitations one person sends, and one club sends, a day. */
  invitationsPerUser: { points: 20, seconds: 24 * 60 * 60 },
  invitationsPerClub: { points: 50, seconds: 24 * 60 * 60 },
  /** New clubs one person creates a day (each could otherwise invite 50 more addresses). */
  clubsPerUser: { points: 3, seconds: 24 * 60 * 60 },
  /** Registration and ballot attempts of one person a minute. */
  registrationsPerUser: { points: 20, seconds: 60 },
  /** Draw runs of one event an hour. */
  drawRunsPerEvent: { points: 10, seconds: 60 * 60 },
  /** Check-in syncs of one gate phone a minute (it sends when it comes back online). */
  checkInSyncPerDevice: { points: 30, seconds: 60 },
} as const satisfies Record<string, { points: number; seconds: number }>;

export type LimitName = keyof typeof RATE_LIMITS;

/** Whole seconds to wait, never 0, for a Retry-After header or a "try again in" message. */
export function retryAfterSeconds(msBeforeNext: number): number {
  return Math.max(1, Math.ceil(msBeforeNext / 1000));
}

/** "in 40 seconds" / "in 12 minutes" / "in 3 hours" as a catalogue key and its value. */
export function waitFor(seconds: number): { unit: "seconds" | "minutes" | "hours"; n: number } {
  if (seconds < 90) return { unit: "seconds", n: seconds };
  if (seconds < 90 * 60) return { unit: "minutes", n: Math.ceil(seconds / 60) };
  return { unit: "hours", n: Math.ceil(seconds / 3600) };
}

/** The catalogue key (with its values) of "Too many attempts. Try again in …" for a form. */
export function rateLimitedKey(retryAfter: number): string {
  const { unit, n } = waitFor(retryAfter);
  return `errors.rateLimited.${unit}?n=${n}`;
}
