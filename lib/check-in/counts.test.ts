import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countCheckIns } from "./counts";
import { applyStates, isEarlier } from "./merge";
import { car } from "./testing/cars";
import type { CheckInCopy } from "./types";

const sessions = [
  { id: "s1", name: "Paddock" },
  { id: "s2", name: "GP 1" },
];

describe("counting check-ins", () => {
  it("counts confirmed cars only, overall and per session", () => {
    const cars = [
      car({
        checkedInAt: "2031-06-14T06:00:00Z",
        places: [
          { sessionId: "s1", status: "confirmed" },
          { sessionId: "s2", status: "confirmed" },
        ],
      }),
      car(),
      car({ places: [{ sessionId: "s1", status: "waiting" }] }),
      car({ cancelled: true, checkedInAt: "2031-06-14T06:00:00Z" }),
      car({
        places: [
          { sessionId: "s1", status: "waiting" },
          { sessionId: "s2", status: "confirmed" },
        ],
      }),
    ];
    expect(countCheckIns(cars, sessions)).toEqual({
      checkedIn: 1,
      total: 3,
      sessions: [
        { id: "s1", name: "Paddock", checkedIn: 1, total: 2 },
        { id: "s2", name: "GP 1", checkedIn: 1, total: 2 },
      ],
    });
  });

  it("never counts more cars in than expected, nor a session more than overall", () => {
    const arbCar = fc
      .record({ cancelled: fc.boolean(), in: fc.boolean(), places: fc.subarray(["s1", "s2"]), waiting: fc.boolean() })
      .map((x) =>
        car({
          cancelled: x.cancelled,
          checkedInAt: x.in ? "2031-06-14T06:00:00Z" : null,
          places: x.places.map((sessionId) => ({ sessionId, status: x.waiting ? "waiting" : "confirmed" })),
        }),
      );
    fc.assert(
      fc.property(fc.array(arbCar, { maxLength: 30 }), (cars) => {
        const counts = countCheckIns(cars, sessions);
        expect(counts.checkedIn).toBeLessThanOrEqual(counts.total);
        for (const s of counts.sessions) {
          expect(s.checkedIn).toBeLessThanOrEqual(Math.min(s.total, counts.checkedIn));
          expect(s.total).toBeLessThanOrEqual(counts.total);
        }
      }),
    );
  });
});

describe("merging check-ins from several phones", () => {
  it("keeps the earliest scan whatever order the phones' check-ins arrive in", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 8 }), (minutes) => {
        let current: Date | null = null;
        for (const m of minutes) {
          const scannedAt = new Date(Date.UTC(2031, 5, 14, 6) + m * 60_000);
          if (isEarlier(scannedAt, current)) current = scannedAt;
        }
        expect(current?.getTime()).toBe(Date.UTC(2031, 5, 14, 6) + Math.min(...minutes) * 60_000);
      }),
    );
  });

  it("applies the server's word to the cars it names and leaves the others", () => {
    const [a, b] = [car(), car()];
    const copy: CheckInCopy = {
      event: { id: "e", slug: "e", name: "E", endsOn: "2031-07-12" },
      mayOverride: false,
      ticketKey: "k",
      sessions,
      checklist: [],
      cars: [a, b],
      fetchedAt: "",
    };
    const merged = applyStates(copy, [
      { registrationId: a.registrationId, checkedInAt: "2031-06-14T06:00:00Z", checkedInBy: "Anna" },
    ]);
    expect(merged.cars).toEqual([{ ...a, checkedInAt: "2031-06-14T06:00:00Z", checkedInBy: "Anna" }, b]);
  });
});
