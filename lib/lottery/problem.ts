import { compareStrings, drawOrder } from "./draw";
import { LotteryInputError, MAX_RANKS, type LotteryEntry, type LotteryInput } from "./types";

/**
 * The input in canonical, indexed form: entries in draw order, sessions sorted by id. Every
 * solver works on this, so the order in which the input listed things cannot change a result.
 * An entry's preferences are `prefStart[e] .. prefStart[e + 1] - 1`, in rank order.
 */
export type Problem = {
  seed: string;
  entryIds: string[];
  sessionIds: string[];
  capacity: Int32Array;
  prefStart: Int32Array;
  prefSession: Int32Array;
  prefRank: Int32Array;
};

function checkSessions(input: LotteryInput): Map<string, number> {
  const ids = input.sessions.map((s) => s.id).sort(compareStrings);
  const index = new Map(ids.map((id, i) => [id, i]));
  if (index.size !== ids.length) throw new LotteryInputError("Session ids must be unique.");
  for (const s of input.sessions) {
    if (!Number.isSafeInteger(s.capacity) || s.capacity < 0) {
      throw new LotteryInputError(`Session ${s.id}: capacity must be a whole number ≥ 0.`);
    }
  }
  return index;
}

function checkEntry(entry: LotteryEntry, sessionIndex: Map<string, number>): void {
  const { id, ranking } = entry;
  if (ranking.length < 1 || ranking.length > MAX_RANKS) {
    throw new LotteryInputError(`Entry ${id}: rank 1 to ${MAX_RANKS} sessions.`);
  }
  if (new Set(ranking).size !== ranking.length) throw new LotteryInputError(`Entry ${id}: a session is ranked twice.`);
  const unknown = ranking.find((s) => !sessionIndex.has(s));
  if (unknown !== undefined) throw new LotteryInputError(`Entry ${id}: unknown session ${unknown}.`);
}

/** Validates the input and puts it in canonical form; throws LotteryInputError when invalid. */
export function buildProblem(input: LotteryInput): Problem {
  const sessionIndex = checkSessions(input);
  const byId = new Map<string, LotteryEntry>();
  for (const entry of input.entries) {
    if (byId.has(entry.id)) throw new LotteryInputError(`Entry ids must be unique (${entry.id}).`);
    checkEntry(entry, sessionIndex);
    byId.set(entry.id, entry);
  }
  const entryIds = drawOrder(input.seed, [...byId.keys()]);
  const sessionIds = [...sessionIndex.keys()];
  const capacity = new Int32Array(sessionIds.length);
  for (const s of input.sessions) capacity[sessionIndex.get(s.id)!] = s.capacity;

  const total = entryIds.reduce((sum, id) => sum + byId.get(id)!.ranking.length, 0);
  const prefStart = new Int32Array(entryIds.length + 1);
  const prefSession = new Int32Array(total);
  const prefRank = new Int32Array(total);
  let j = 0;
  entryIds.forEach((id, e) => {
    prefStart[e] = j;
    byId.get(id)!.ranking.forEach((sessionId, r) => {
      prefSession[j] = sessionIndex.get(sessionId)!;
      prefRank[j++] = r + 1;
    });
  });
  prefStart[entryIds.length] = j;
  return { seed: input.seed, entryIds, sessionIds, capacity, prefStart, prefSession, prefRank };
}
