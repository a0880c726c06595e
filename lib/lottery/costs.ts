import type { Problem } from "./problem";
import { LotteryInputError, weightOfRank } from "./types";

/**
 * The lexicographic objective as one integer gain per unit of flow (see docs/LOTTERY.md):
 *   placing an entry at all      bonus  B = (W + 1) · K
 *   a place of rank r for the entry at draw index e   gain = w(r) · (K + n − e)
 * where W is the largest possible total weight, P = Σ (n − e) · w over all ranked places (the
 * largest possible tie-break score) and K = P + 1. So one more placed entry outweighs any weight
 * and tie-break, and one unit of weight outweighs any tie-break.
 */
export type Costs = { bonus: number; gain: Float64Array };

export function buildCosts(p: Problem): Costs {
  const n = p.entryIds.length;
  let maxWeight = 0;
  let maxTie = 0;
  for (let e = 0; e < n; e++) {
    for (let j = p.prefStart[e]!; j < p.prefStart[e + 1]!; j++) {
      const w = weightOfRank(p.prefRank[j]!);
      maxWeight += w;
      maxTie += (n - e) * w;
    }
  }
  const unit = maxTie + 1;
  const bonus = (maxWeight + 1) * unit;
  // Path costs and potentials stay within a small multiple of `bound` (a bonus plus one largest
  // gain per session); the search adds a few of them, and all of it must stay an exact integer.
  const bound = bonus + (p.sessionIds.length + 2) * 5 * (unit + n);
  if (16 * bound > Number.MAX_SAFE_INTEGER) {
    throw new LotteryInputError(
      "Too many entries for exact integer costs (the limit is 15,000 to 20,000, by rankings).",
    );
  }
  const gain = new Float64Array(p.prefSession.length);
  for (let e = 0; e < n; e++) {
    for (let j = p.prefStart[e]!; j < p.prefStart[e + 1]!; j++) gain[j] = weightOfRank(p.prefRank[j]!) * (unit + n - e);
  }
  return { bonus, gain };
}
