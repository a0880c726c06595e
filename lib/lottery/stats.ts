import type { LotteryResult, Objective } from "./types";

export type SessionStats = { id: string; capacity: number; filled: number; waiting: number };
export type LotteryStats = {
  entries: number;
  /** Entries with at least one place. */
  placed: number;
  /** Entries granted their rank-1 session. */
  firstChoice: number;
  /** Entries granted their rank-1 or rank-2 session (at least one of the two). */
  topTwo: number;
  /** Entries with no place at all. */
  nothing: number;
  places: number;
  capacity: number;
  objective: Objective;
  sessions: SessionStats[];
};

export function lotteryStats(result: LotteryResult): LotteryStats {
  const granted = result.entries.map((e) => e.granted.map((g) => g.rank));
  const count = (test: (ranks: number[]) => boolean) => granted.filter(test).length;
  const sessions = result.sessions.map((s) => ({
    id: s.id,
    capacity: s.capacity,
    filled: s.placed.length,
    waiting: s.waiting.length,
  }));
  return {
    entries: result.entries.length,
    placed: count((r) => r.length > 0),
    firstChoice: count((r) => r.includes(1)),
    topTwo: count((r) => r.includes(1) || r.includes(2)),
    nothing: count((r) => r.length === 0),
    places: sessions.reduce((sum, s) => sum + s.filled, 0),
    capacity: sessions.reduce((sum, s) => sum + s.capacity, 0),
    objective: result.objective,
    sessions,
  };
}
