import fc from "fast-check";
import type { LotteryInput } from "../types";

type Limits = { minEntries?: number; maxEntries: number; maxSessions: number; maxCapacity: number };

/** Random lotteries for property tests: arbitrary ids, capacities (0 included), rankings of 1..5. */
export function lotteryInput({
  minEntries = 0,
  maxEntries,
  maxSessions,
  maxCapacity,
}: Limits): fc.Arbitrary<LotteryInput> {
  // size "max": lengths spread over the whole range, not bunched at the small end.
  const ids = (min: number, max: number) =>
    fc.uniqueArray(fc.string({ minLength: 1, maxLength: 4 }), { minLength: min, maxLength: max, size: "max" });
  return fc
    .tuple(fc.string({ maxLength: 12 }), ids(1, maxSessions), ids(minEntries, maxEntries))
    .chain(([seed, sessionIds, entryIds]) =>
      fc.record({
        seed: fc.constant(seed),
        sessions: fc.tuple(
          ...sessionIds.map((id) => fc.integer({ min: 0, max: maxCapacity }).map((capacity) => ({ id, capacity }))),
        ),
        entries: fc.tuple(
          ...entryIds.map((id) =>
            fc
              .shuffledSubarray(sessionIds, { minLength: 1, maxLength: Math.min(5, sessionIds.length) })
              .map((ranking) => ({ id, ranking })),
          ),
        ),
      }),
    );
}

/** The same lottery with its entries and sessions listed in another order. */
export function withPermutation(input: LotteryInput): fc.Arbitrary<[LotteryInput, LotteryInput]> {
  const all = <T>(list: readonly T[]) =>
    fc.shuffledSubarray([...list], { minLength: list.length, maxLength: list.length });
  return fc
    .tuple(all(input.entries), all(input.sessions))
    .map(([entries, sessions]) => [input, { seed: input.seed, entries, sessions }]);
}
