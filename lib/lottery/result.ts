import type { Problem } from "./problem";
import { weightOfRank, type EntryOutcome, type LotteryResult, type SessionOutcome } from "./types";

/**
 * The published result of a solver's decision (`granted[j]` per preference of the problem).
 * Entries stay in draw order, so placed and waiting lists come out in draw order too.
 */
export function buildResult(p: Problem, granted: Uint8Array, algorithm: string, inputHash: string): LotteryResult {
  const n = p.entryIds.length;
  const sessions: SessionOutcome[] = p.sessionIds.map((id, s) => ({
    id,
    capacity: p.capacity[s]!,
    placed: [],
    waiting: [],
  }));
  const entries: EntryOutcome[] = [];
  let entriesPlaced = 0;
  let totalWeight = 0;
  let tieBreakScore = 0;
  for (let e = 0; e < n; e++) {
    const id = p.entryIds[e]!;
    const outcome: EntryOutcome = { id, drawPosition: e + 1, granted: [] };
    for (let j = p.prefStart[e]!; j < p.prefStart[e + 1]!; j++) {
      const session = sessions[p.prefSession[j]!]!;
      if (!granted[j]) {
        session.waiting.push(id);
        continue;
      }
      const rank = p.prefRank[j]!;
      session.placed.push(id);
      outcome.granted.push({ sessionId: session.id, rank });
      totalWeight += weightOfRank(rank);
      tieBreakScore += (n - e) * weightOfRank(rank);
    }
    if (outcome.granted.length) entriesPlaced++;
    entries.push(outcome);
  }
  return {
    algorithm,
    seed: p.seed,
    inputHash,
    entries,
    sessions,
    objective: { entriesPlaced, totalWeight, tieBreakScore },
  };
}
