import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocate, allocateGreedy } from "./allocate";
import { lotteryInput } from "./testing/arbitraries";
import { bruteForce, type Tuple } from "./testing/brute-force";
import { referenceObjective } from "./testing/reference-flow";
import type { LotteryResult } from "./types";

const tuple = (r: LotteryResult): Tuple => [
  r.objective.entriesPlaced,
  r.objective.totalWeight,
  r.objective.tieBreakScore,
];
const assignment = (r: LotteryResult) =>
  new Map(r.entries.map((e) => [e.id, e.granted.map((g) => g.sessionId).sort()]));
const small = lotteryInput({ minEntries: 4, maxEntries: 7, maxSessions: 4, maxCapacity: 3 });

describe("allocate against reference solvers", () => {
  it("reaches the optimum (placed, weight, tie-break), and the very assignment when it is unique", () => {
    let unique = 0;
    let runs = 0;
    fc.assert(
      fc.property(small, (input) => {
        const expected = bruteForce(input);
        const result = allocate(input);
        runs++;
        expect(tuple(result)).toEqual(expected.best);
        if (expected.optima === 1) {
          unique++;
          expect(assignment(result)).toEqual(expected.assignment);
        }
        const greedy = tuple(allocateGreedy(input));
        expect(greedy[0] < expected.best[0] || (greedy[0] === expected.best[0] && greedy[1] <= expected.best[1])).toBe(
          true,
        );
      }),
      { numRuns: 2500 },
    );
    // The assignment check must not be vacuous: most small instances have a single optimum.
    expect(unique / runs).toBeGreaterThan(0.8);
  });

  it("matches a plain Bellman-Ford min-cost flow on instances too big to enumerate", () => {
    const medium = lotteryInput({ minEntries: 10, maxEntries: 40, maxSessions: 12, maxCapacity: 6 });
    fc.assert(
      fc.property(medium, (input) => {
        expect(tuple(allocate(input))).toEqual(referenceObjective(input));
      }),
      { numRuns: 200 },
    );
  });
});
