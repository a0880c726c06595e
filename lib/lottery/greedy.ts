import type { Problem } from "./problem";
import { MAX_RANKS } from "./types";

/**
 * The "rank-1 first" baseline: in draw order every entry gets its rank-1 session if there is
 * room, then a second round for rank 2, and so on. Only for comparison; it can leave a car with
 * nothing where moving another car to a lower-ranked session would have placed both.
 */
export function solveGreedy(p: Problem): Uint8Array {
  const granted = new Uint8Array(p.prefSession.length);
  const filled = new Int32Array(p.sessionIds.length);
  for (let rank = 1; rank <= MAX_RANKS; rank++) {
    for (let e = 0; e < p.entryIds.length; e++) {
      const j = p.prefStart[e]! + rank - 1;
      if (j >= p.prefStart[e + 1]!) continue;
      const s = p.prefSession[j]!;
      if (filled[s]! < p.capacity[s]!) {
        filled[s]!++;
        granted[j] = 1;
      }
    }
  }
  return granted;
}
