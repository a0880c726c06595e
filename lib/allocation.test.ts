import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkSessionChoice, pickPromotion, placeFor, type WaitingCandidate } from "./allocation";
import { clashes } from "./clash";

type Interval = { startsAt: Date; endsAt: Date };
const at = (minute: number) => new Date(Date.UTC(2031, 5, 14, 7) + minute * 60_000);
const span = (from: number, to: number): Interval => ({ startsAt: at(from), endsAt: at(to) });
const interval = fc
  .tuple(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 1, max: 180 }))
  .map(([from, length]) => span(from, from + length));

describe("placeFor", () => {
  it("confirms while there is room, then puts cars on the waiting list", () => {
    expect(placeFor(0, 1)).toBe("confirmed");
    expect(placeFor(91, 92)).toBe("confirmed");
    expect(placeFor(92, 92)).toBe("waiting");
    expect(placeFor(93, 92)).toBe("waiting");
  });

  it("never lets a session go over capacity, however many arrive", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2000 }), fc.integer({ min: 0, max: 3000 }), (capacity, arrivals) => {
        let confirmed = 0;
        let waiting = 0;
        for (let i = 0; i < arrivals; i++) {
          if (placeFor(confirmed, capacity) === "confirmed") confirmed++;
          else waiting++;
        }
        expect(confirmed).toBe(Math.min(capacity, arrivals));
        expect(waiting).toBe(Math.max(0, arrivals - capacity));
      }),
      { numRuns: 200 },
    );
  });
});

describe("checkSessionChoice", () => {
  it("asks for at least one session, at most the limit, none overlapping", () => {
    expect(checkSessionChoice([], null)).toBe("errors.sessionsNone");
    expect(checkSessionChoice([span(0, 60)], null)).toBeNull();
    expect(checkSessionChoice([span(0, 60), span(60, 120)], 2)).toBeNull();
    expect(checkSessionChoice([span(0, 60), span(60, 120), span(120, 180)], 2)).toBe("errors.sessionsTooMany");
    expect(checkSessionChoice([span(0, 60), span(59, 120)], null)).toBe("errors.sessionsClash");
    // Too many is reported before a clash.
    expect(checkSessionChoice([span(0, 60), span(30, 90)], 1)).toBe("errors.sessionsTooMany");
  });

  it("accepts exactly the non-empty, clash-free choices within the limit", () => {
    const limit = fc.option(fc.integer({ min: 1, max: 5 }), { nil: null });
    fc.assert(
      fc.property(fc.array(interval, { maxLength: 6 }), limit, (chosen, max) => {
        const anyClash = chosen.some((a, i) => chosen.some((b, j) => j > i && clashes(a, b)));
        const expected =
          chosen.length === 0
            ? "errors.sessionsNone"
            : max !== null && chosen.length > max
              ? "errors.sessionsTooMany"
              : anyClash
                ? "errors.sessionsClash"
                : null;
        expect(checkSessionChoice(chosen, max)).toBe(expected);
      }),
    );
  });
});

describe("pickPromotion", () => {
  const session = span(120, 240);

  it("takes the earliest arrival, whatever order the list comes in", () => {
    const waiting: WaitingCandidate[] = [
      { registrationId: "c", waitSeq: 30, confirmedElsewhere: [] },
      { registrationId: "a", waitSeq: 10, confirmedElsewhere: [] },
      { registrationId: "b", waitSeq: 20, confirmedElsewhere: [] },
    ];
    expect(pickPromotion(session, waiting)).toBe("a");
    expect(pickPromotion(session, [])).toBeNull();
  });

  it("skips a car whose confirmed places clash with the session, and takes the next", () => {
    const waiting: WaitingCandidate[] = [
      { registrationId: "clashing", waitSeq: 1, confirmedElsewhere: [span(0, 60), span(200, 260)] },
      { registrationId: "touching", waitSeq: 2, confirmedElsewhere: [span(60, 120), span(240, 300)] },
    ];
    expect(pickPromotion(session, waiting)).toBe("touching");
    expect(pickPromotion(session, waiting.slice(0, 1))).toBeNull();
  });

  it("is the earliest candidate without a clash, and never one with a clash", () => {
    const elsewhere = fc.array(interval, { maxLength: 3 });
    const list = fc
      .uniqueArray(fc.integer({ min: 1, max: 10_000 }), { maxLength: 8 })
      .chain((seqs) =>
        fc.tuple(
          ...seqs.map((waitSeq) =>
            elsewhere.map((confirmedElsewhere) => ({ registrationId: `r${waitSeq}`, waitSeq, confirmedElsewhere })),
          ),
        ),
      );
    fc.assert(
      fc.property(interval, list, (s, waiting) => {
        const picked = pickPromotion(s, waiting);
        const eligible = waiting
          .filter((c) => !c.confirmedElsewhere.some((o) => clashes(o, s)))
          .sort((a, b) => a.waitSeq - b.waitSeq);
        expect(picked).toBe(eligible[0]?.registrationId ?? null);
        const chosen = waiting.find((c) => c.registrationId === picked);
        if (chosen)
          expect(
            waiting.every((c) => c.waitSeq >= chosen.waitSeq || c.confirmedElsewhere.some((o) => clashes(o, s))),
          ).toBe(true);
      }),
    );
  });
});
