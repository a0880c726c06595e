import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { groupByDay, placesLeft } from "./programme";
import { dayKey, zonedMoment } from "./time";

type S = { name: string; startsAt: Date; endsAt: Date; capacity: number; confirmed: number };
const session = (name: string, day: string, from: string, to: string, capacity = 30, confirmed = 0): S => ({
  name,
  startsAt: zonedMoment(day, from),
  endsAt: zonedMoment(day, to),
  capacity,
  confirmed,
});

describe("groupByDay", () => {
  it("groups by the Berlin day, even just after midnight (the previous day in UTC)", () => {
    const night = session("Night run", "2026-08-02", "00:30", "01:30");
    expect(night.startsAt.toISOString()).toBe("2026-08-01T22:30:00.000Z");
    const groups = groupByDay([
      session("Corso", "2026-08-01", "18:00", "19:00"),
      night,
      session("Paddock", "2026-08-01", "09:00", "12:30"),
    ]);
    expect(groups.map((g) => [g.day, g.sessions.map((s) => s.name)])).toEqual([
      ["2026-08-01", ["Paddock", "Corso"]],
      ["2026-08-02", ["Night run"]],
    ]);
  });

  it("uses another zone when asked", () => {
    const night = session("Night run", "2026-08-02", "00:30", "01:30");
    expect(groupByDay([night], "UTC").map((g) => g.day)).toEqual(["2026-08-01"]);
  });

  it("keeps every session once, days and sessions in time order, each under its own Berlin day", () => {
    const moment = fc.integer({ min: 1_767_225_600, max: 1_830_297_600 }).map((s) => new Date(s * 1000));
    const sessions = fc.array(
      fc.tuple(moment, fc.nat(100)).map(([startsAt, i]): S => ({
        name: `s${i}`,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 3_600_000),
        capacity: 10,
        confirmed: 0,
      })),
      { maxLength: 25 },
    );
    fc.assert(
      fc.property(sessions, (list) => {
        const input = [...list];
        const groups = groupByDay(list);
        expect(list).toEqual(input);
        expect(groups.flatMap((g) => g.sessions)).toHaveLength(list.length);
        expect(groups.map((g) => g.day)).toEqual([...new Set(groups.map((g) => g.day))].sort());
        const flat = groups.flatMap((g) => g.sessions.map((s) => s.startsAt.getTime()));
        expect(flat).toEqual([...flat].sort((a, b) => a - b));
        for (const g of groups) for (const s of g.sessions) expect(dayKey(s.startsAt)).toBe(g.day);
      }),
    );
  });
});

describe("placesLeft", () => {
  it("counts free places and says 0 when full or overbooked", () => {
    expect(placesLeft(session("GP 1", "2026-08-02", "09:00", "09:30", 30, 12))).toBe(18);
    expect(placesLeft(session("GP 1", "2026-08-02", "09:00", "09:30", 30, 30))).toBe(0);
    expect(placesLeft(session("GP 1", "2026-08-02", "09:00", "09:30", 30, 31))).toBe(0);
  });

  it("is never negative and never more than the capacity", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2000 }), fc.nat(3000), (capacity, confirmed) => {
        const left = placesLeft({ startsAt: new Date(0), endsAt: new Date(1), capacity, confirmed });
        expect(left).toBeGreaterThanOrEqual(0);
        expect(left).toBeLessThanOrEqual(capacity);
        if (confirmed <= capacity) expect(left + confirmed).toBe(capacity);
      }),
    );
  });
});
