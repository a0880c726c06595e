import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { carRefusal, openOrNull, replayOf, sessionsRefusal } from "./registration-verdicts";

const event = {
  status: "published" as const,
  allocation: "fcfs" as "fcfs" | "lottery",
  endsOn: "2031-06-14",
  registrationOpensAt: new Date("2031-03-01T09:00:00Z"),
  registrationClosesAt: new Date("2031-06-01T22:00:00Z"),
};
const at = (iso: string) => new Date(iso);
const session = (start: number, end: number) => ({
  startsAt: new Date(Date.UTC(2031, 5, 13, start)),
  endsAt: new Date(Date.UTC(2031, 5, 13, end)),
});

describe("openOrNull", () => {
  it("gives the event only inside its window and only for the allocation asked", () => {
    expect(openOrNull(event, at("2031-04-01T00:00:00Z"), ["fcfs"])).toBe(event);
    expect(openOrNull(event, at("2031-04-01T00:00:00Z"), ["lottery"])).toBeNull();
    expect(openOrNull(event, at("2031-02-28T00:00:00Z"), ["fcfs"])).toBeNull();
    expect(openOrNull({ ...event, status: "cancelled" as const }, at("2031-04-01T00:00:00Z"), ["fcfs"])).toBeNull();
    expect(openOrNull(undefined, at("2031-04-01T00:00:00Z"), ["fcfs"])).toBeNull();
  });
});

describe("carRefusal", () => {
  it("refuses a car that is not the owner's, or a model the event does not take, beside the car", () => {
    expect(carRefusal(undefined, { eligibleModels: null })).toEqual({
      ok: false,
      field: "carId",
      error: "errors.carNotYours",
    });
    expect(carRefusal({ model: "bmw-m2" }, { eligibleModels: ["bmw-1m-e82"] })).toEqual({
      ok: false,
      field: "carId",
      error: "errors.carNotEligible",
    });
    expect(carRefusal({ model: "bmw-m2" }, { eligibleModels: [] })).toBeNull();
  });
});

describe("sessionsRefusal", () => {
  it("refuses whenever a chosen session was not found in the event, whatever else holds", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 4 }), (asked, missing) => {
        const found = Array.from({ length: Math.max(0, asked - missing - 1) }, (_, i) => session(i * 2, i * 2 + 1));
        const ids = Array.from({ length: asked }, (_, i) => `s${i}`);
        expect(sessionsRefusal(found, ids, { maxSessionsPerCar: null })).toEqual({
          ok: false,
          field: "sessionIds",
          error: "errors.sessionNotInEvent",
        });
      }),
    );
  });

  it("passes separate sessions and refuses two that clash", () => {
    expect(sessionsRefusal([session(9, 10), session(11, 12)], ["a", "b"], { maxSessionsPerCar: 2 })).toBeNull();
    expect(sessionsRefusal([session(9, 11), session(10, 12)], ["a", "b"], { maxSessionsPerCar: null })).toMatchObject({
      ok: false,
      field: "sessionIds",
      error: "errors.sessionsClash",
    });
  });
});

describe("replayOf", () => {
  it("answers a resent form with its registration for its owner only", () => {
    expect(replayOf(undefined, "u1")).toBeNull();
    expect(replayOf({ id: "r1", ownerId: "u1" }, "u1")).toEqual({ ok: true, registrationId: "r1" });
    expect(replayOf({ id: "r1", ownerId: "u2" }, "u1")).toEqual({
      ok: false,
      field: "form",
      error: "errors.formReplayed",
    });
  });
});
