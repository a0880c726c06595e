/** Published with every result: a draw can only be re-run with the same algorithm. */
export const ALGORITHM_VERSION = "mcf-1";
/** The "rank-1 first" baseline, kept for the benchmark comparison. */
export const GREEDY_VERSION = "greedy-1";

export const MAX_RANKS = 5;

/** How many sessions one entry may rank: the ballot's limit, or the event's per-car limit if lower. */
export function maxChoices(maxSessionsPerCar: number | null): number {
  return Math.min(MAX_RANKS, maxSessionsPerCar ?? MAX_RANKS);
}

/**
 * Weight of a granted place by its rank: 5, 4, 3, 2, 1 for ranks 1..5. It falls strictly with
 * rank, and every granted place is worth something, so giving a car one more session it asked
 * for never lowers the objective.
 */
export function weightOfRank(rank: number): number {
  return MAX_RANKS + 1 - rank;
}

export type LotterySession = { id: string; capacity: number };
/** `ranking[0]` is rank 1, the session the car wants most. */
export type LotteryEntry = { id: string; ranking: readonly string[] };
export type LotteryInput = {
  seed: string;
  sessions: readonly LotterySession[];
  entries: readonly LotteryEntry[];
};

/** What a run draws from, without its seed, as hashInput hashes it and the public download holds it. */
export type DrawInput = { entries: { id: string; ranking: string[] }[]; sessions: { capacity: number; id: string }[] };

export type GrantedPlace = { sessionId: string; rank: number };
export type EntryOutcome = { id: string; drawPosition: number; granted: GrantedPlace[] };
/** `placed` and `waiting` are both in draw order. */
export type SessionOutcome = { id: string; capacity: number; placed: string[]; waiting: string[] };

/** The three levels of the objective, compared in this order (see docs/LOTTERY.md). */
export type Objective = { entriesPlaced: number; totalWeight: number; tieBreakScore: number };

export type LotteryResult = {
  algorithm: string;
  seed: string;
  inputHash: string;
  /** In draw order: `entries[i].drawPosition === i + 1`. */
  entries: EntryOutcome[];
  /** Sorted by session id. */
  sessions: SessionOutcome[];
  objective: Objective;
};

export class LotteryInputError extends Error {
  override name = "LotteryInputError";
}
