import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocate } from "./allocate";
import { lotteryInput, withPermutation } from "./testing/arbitraries";
import { hashResult } from "./audit";

const medium = lotteryInput({ maxEntries: 40, maxSessions: 8, maxCapacity: 6 });
const RUNS = 300;

describe("allocate invariants", () => {
  it("never puts more cars in a session than its capacity, and only where the car asked", () => {
    fc.assert(
      fc.property(medium, (input) => {
        const result = allocate(input);
        const capacity = new Map(input.sessions.map((s) => [s.id, s.capacity]));
        for (const s of result.sessions) expect(s.placed.length).toBeLessThanOrEqual(capacity.get(s.id)!);
        const asked = new Map(input.entries.map((e) => [e.id, e.ranking]));
        for (const e of result.entries) {
          for (const g of e.granted) expect(asked.get(e.id)![g.rank - 1]).toBe(g.sessionId);
          const placedIn = result.sessions.filter((s) => s.placed.includes(e.id)).map((s) => s.id);
          expect(placedIn.sort()).toEqual(e.granted.map((g) => g.sessionId).sort());
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("gives the same result, to the hash, for the same seed", () => {
    fc.assert(
      fc.property(medium, (input) => {
        const once = allocate(input);
        expect(allocate(structuredClone(input))).toEqual(once);
        expect(hashResult(allocate(input))).toBe(hashResult(once));
      }),
      { numRuns: RUNS },
    );
  });

  it("does not depend on the order in which entries and sessions are listed", () => {
    fc.assert(
      fc.property(medium.chain(withPermutation), ([input, permuted]) => {
        expect(allocate(permuted)).toEqual(allocate(input));
      }),
      { numRuns: RUNS },
    );
  });

  it("keeps waiting lists in draw order, holding exactly those who asked and were not placed", () => {
    fc.assert(
      fc.property(medium, (input) => {
        const result = allocate(input);
        const position = new Map(result.entries.map((e) => [e.id, e.drawPosition]));
        for (const s of result.sessions) {
          const positions = s.waiting.map((id) => position.get(id)!);
          expect(positions).toEqual([...positions].sort((a, b) => a - b));
          const askedNotPlaced = input.entries
            .filter((e) => e.ranking.includes(s.id) && !s.placed.includes(e.id))
            .map((e) => e.id);
          expect([...s.waiting].sort()).toEqual(askedNotPlaced.sort());
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("lists every entry once, at draw positions 1..n", () => {
    fc.assert(
      fc.property(medium, (input) => {
        const result = allocate(input);
        expect(result.entries.map((e) => e.drawPosition)).toEqual(input.entries.map((_, i) => i + 1));
        expect(result.entries.map((e) => e.id).sort()).toEqual(input.entries.map((e) => e.id).sort());
      }),
      { numRuns: RUNS },
    );
  });
});
