import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clashes, clashingPairs, isClashFree } from "./clash";

type Interval = { startsAt: Date; endsAt: Date };
const at = (minute: number) => new Date(Date.UTC(2031, 5, 14) + minute * 60_000);
const span = (from: number, to: number): Interval => ({ startsAt: at(from), endsAt: at(to) });
// Small minute ranges so that overlaps, touching ends and identical intervals all come up often.
const interval = fc
  .tuple(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 1, max: 240 }))
  .map(([from, length]) => span(from, from + length));
/** Brute force: some minute of `a` also lies in `b` (all bounds are whole minutes). */
function overlap(a: Interval, b: Interval): boolean {
  for (let m = +a.startsAt; m < +a.endsAt; m += 60_000) if (m >= +b.startsAt && m < +b.endsAt) return true;
  return false;
}

describe("clashes", () => {
  it("sees the usual cases", () => {
    expect(clashes(span(0, 60), span(30, 90))).toBe(true);
    expect(clashes(span(0, 60), span(10, 20))).toBe(true);
    expect(clashes(span(0, 60), span(0, 60))).toBe(true);
    expect(clashes(span(0, 60), span(60, 120))).toBe(false);
    expect(clashes(span(0, 60), span(61, 120))).toBe(false);
  });

  it("is symmetric and agrees with a minute-by-minute check", () => {
    fc.assert(
      fc.property(interval, interval, (a, b) => {
        expect(clashes(a, b)).toBe(clashes(b, a));
        expect(clashes(a, b)).toBe(overlap(a, b));
      }),
    );
  });

  it("never sees a clash with an interval starting exactly when the other ends", () => {
    fc.assert(
      fc.property(interval, fc.integer({ min: 1, max: 240 }), (a, length) => {
        const next = { startsAt: a.endsAt, endsAt: new Date(+a.endsAt + length * 60_000) };
        expect(clashes(a, next)).toBe(false);
        expect(clashes(next, a)).toBe(false);
      }),
    );
  });

  it("always sees a clash of an interval with itself", () => {
    fc.assert(
      fc.property(interval, (a) => {
        expect(clashes(a, { ...a })).toBe(true);
      }),
    );
  });
});

describe("isClashFree and clashingPairs", () => {
  it("finds exactly the overlapping pairs, each once, in index order", () => {
    fc.assert(
      fc.property(fc.array(interval, { maxLength: 12 }), (list) => {
        const expected: [number, number][] = [];
        for (let i = 0; i < list.length; i++)
          for (let j = i + 1; j < list.length; j++) if (overlap(list[i]!, list[j]!)) expected.push([i, j]);
        expect(clashingPairs(list)).toEqual(expected);
        expect(isClashFree(list)).toBe(expected.length === 0);
      }),
    );
  });

  it("is false whenever two of the intervals overlap, wherever they are in the list", () => {
    const clashingPair = fc
      .tuple(
        fc.integer({ min: 0, max: 600 }),
        fc.integer({ min: 1, max: 240 }),
        fc.nat(),
        fc.integer({ min: 1, max: 240 }),
      )
      .map(
        ([from, length, into, otherLength]) =>
          [span(from, from + length), span(from + (into % length), from + (into % length) + otherLength)] as const,
      );
    fc.assert(
      fc.property(fc.array(interval, { maxLength: 8 }), clashingPair, fc.nat(), fc.nat(), (rest, [a, b], i, j) => {
        const list = [...rest];
        list.splice(i % (list.length + 1), 0, a);
        list.splice(j % (list.length + 1), 0, b);
        expect(isClashFree(list)).toBe(false);
      }),
    );
  });

  it("is true for any list of back-to-back intervals, in any order", () => {
    const lengths = fc.array(fc.integer({ min: 1, max: 180 }), { maxLength: 15 });
    fc.assert(
      fc.property(lengths, fc.integer({ min: 0, max: 600 }), fc.nat(), (ls, start, seed) => {
        let from = start;
        const list = ls.map((l) => span(from, (from += l)));
        const shuffled = list
          .map((s, k) => ({ s, key: (k * 7919 + seed) % 10007 }))
          .sort((x, y) => x.key - y.key)
          .map((x) => x.s);
        expect(isClashFree(list)).toBe(true);
        expect(isClashFree(shuffled)).toBe(true);
        expect(clashingPairs(shuffled)).toEqual([]);
      }),
    );
  });
});
