import { createHash } from "node:crypto";
import type { LotteryInput } from "../types";

/**
 * Reference solver for tests: enumerates every feasible assignment of a small instance (branch
 * and bound, pruning only branches that are strictly worse) and keeps the lexicographic best of
 * (entries placed, total weight, tie-break score). Written from the spec in docs/LOTTERY.md and
 * sharing no code with the solver, so the two can disagree.
 */
export type Tuple = [placed: number, weight: number, tieBreak: number];
export type BruteForce = { best: Tuple; optima: number; assignment: Map<string, string[]> };

type Pref = { session: number; weight: number; tie: number };

const compare = (a: Tuple, b: Tuple) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** Per subset size, largest first, so good solutions are found early and prune the rest. */
const MASKS = Array.from({ length: 6 }, (_, k) =>
  Array.from({ length: 1 << k }, (_, mask) => mask).sort((a, b) => popCount(b) - popCount(a)),
);

function popCount(mask: number): number {
  let count = 0;
  for (let m = mask; m; m &= m - 1) count++;
  return count;
}

function prepare(input: LotteryInput): { ids: string[]; prefs: Pref[][]; sessionIds: string[] } {
  const key = (id: string) =>
    createHash("sha256")
      .update(input.seed + id)
      .digest("hex");
  const ids = input.entries.map((e) => e.id).sort((a, b) => (key(a) < key(b) ? -1 : 1));
  const sessionIds = input.sessions.map((s) => s.id);
  const n = ids.length;
  const prefs = ids.map((id, position) =>
    input.entries
      .find((e) => e.id === id)!
      .ranking.map((sessionId, r) => {
        const weight = 5 - r;
        return { session: sessionIds.indexOf(sessionId), weight, tie: (n - position) * weight };
      }),
  );
  return { ids, prefs, sessionIds };
}

/** Best each session could do with its remaining room if every later entry were free to take it. */
function upperBound(prefs: Pref[][], from: number, room: number[], current: Tuple): Tuple {
  const weights = room.map(() => [] as number[]);
  const ties = room.map(() => [] as number[]);
  let placeable = 0;
  for (let e = from; e < prefs.length; e++) {
    let any = false;
    for (const p of prefs[e]!) {
      if (room[p.session]! === 0) continue;
      any = true;
      weights[p.session]!.push(p.weight);
      ties[p.session]!.push(p.tie);
    }
    if (any) placeable++;
  }
  const topSum = (lists: number[][]) =>
    lists.reduce(
      (sum, list, s) =>
        sum +
        list
          .sort((a, b) => b - a)
          .slice(0, room[s])
          .reduce((a, b) => a + b, 0),
      0,
    );
  return [current[0] + placeable, current[1] + topSum(weights), current[2] + topSum(ties)];
}

export function bruteForce(input: LotteryInput): BruteForce {
  const { ids, prefs, sessionIds } = prepare(input);
  const room = input.sessions.map((s) => s.capacity);
  const chosen = ids.map(() => 0);
  const result: BruteForce = { best: [-1, -1, -1], optima: 0, assignment: new Map() };

  const visit = (e: number, current: Tuple) => {
    if (e === ids.length) {
      const order = compare(current, result.best);
      if (order > 0) {
        result.best = current;
        result.optima = 0;
        result.assignment = new Map(
          ids.map((id, i) => [
            id,
            prefs[i]!.filter((_, k) => (chosen[i]! >> k) & 1)
              .map((p) => sessionIds[p.session]!)
              .sort(),
          ]),
        );
      }
      if (order >= 0) result.optima++;
      return;
    }
    if (compare(upperBound(prefs, e, room, current), result.best) < 0) return;
    const mine = prefs[e]!;
    for (const mask of MASKS[mine.length]!) {
      if (mine.some((p, k) => (mask >> k) & 1 && room[p.session] === 0)) continue;
      let [weight, tie] = [current[1], current[2]];
      mine.forEach((p, k) => {
        if (!((mask >> k) & 1)) return;
        room[p.session]!--;
        weight += p.weight;
        tie += p.tie;
      });
      chosen[e] = mask;
      visit(e + 1, [current[0] + (mask ? 1 : 0), weight, tie]);
      mine.forEach((p, k) => {
        if ((mask >> k) & 1) room[p.session]!++;
      });
    }
  };
  visit(0, [0, 0, 0]);
  return result;
}
