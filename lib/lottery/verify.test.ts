import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocate } from "./allocate";
import { lotteryInput } from "./testing/arbitraries";
import { canonicalJson, drawInputOf, seedCommitment } from "./audit";
import { checkDraw } from "./verify";

const files = (input: Parameters<typeof allocate>[0]) => ({
  input: JSON.stringify(drawInputOf(input)),
  result: canonicalJson(allocate(input)),
});

describe("checkDraw", () => {
  it("confirms any honest draw from its two files", () => {
    fc.assert(
      fc.property(lotteryInput({ maxEntries: 12, maxSessions: 4, maxCapacity: 4 }), (input) => {
        const { input: inputText, result } = files(input);
        expect(checkDraw(inputText, result)).toMatchObject({ inputMatchesResult: true, redrawMatches: true });
      }),
      { numRuns: 200 },
    );
  });

  it("catches a result changed after the draw; one drawn with another seed fails the commitment", () => {
    fc.assert(
      fc.property(
        lotteryInput({ minEntries: 2, maxEntries: 10, maxSessions: 3, maxCapacity: 3 }),
        fc.string({ minLength: 1 }),
        (input, other) => {
          fc.pre(other !== input.seed);
          const honest = files(input);
          const result = JSON.parse(honest.result) as ReturnType<typeof allocate>;
          const swapped = { ...result, entries: [result.entries[1]!, result.entries[0]!, ...result.entries.slice(2)] };
          expect(checkDraw(honest.input, canonicalJson(swapped)).redrawMatches).toBe(false);
          // Drawn honestly, but with a seed of someone's choosing: only the published commitment tells.
          const reseeded = checkDraw(honest.input, canonicalJson(allocate({ ...input, seed: other })));
          expect(reseeded.seedHash).not.toBe(seedCommitment(input.seed));
        },
      ),
      { numRuns: 100 },
    );
  });

  it("catches an input that is not the one the result was drawn from", () => {
    fc.assert(
      fc.property(lotteryInput({ minEntries: 1, maxEntries: 8, maxSessions: 3, maxCapacity: 3 }), (input) => {
        const honest = files(input);
        const fewer = JSON.stringify(drawInputOf({ ...input, entries: input.entries.slice(1) }));
        expect(checkDraw(fewer, honest.result).inputMatchesResult).toBe(false);
      }),
      { numRuns: 100 },
    );
  });
});
