import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { eventPhase, type EventPhase } from "./event-phase";
import { zonedMoment } from "./time";

type Status = "draft" | "published" | "finished" | "cancelled";
const event = (status: Status = "published", endsOn = "2026-10-24") => ({
  status,
  registrationOpensAt: zonedMoment("2026-08-01", "10:00"),
  registrationClosesAt: zonedMoment("2026-10-17", "00:00"),
  endsOn,
});
const before = (d: Date) => new Date(d.getTime() - 1);

describe("eventPhase", () => {
  it("moves a published event from upcoming to open to closed to finished, each exactly at its boundary", () => {
    const e = event();
    expect(eventPhase(e, before(e.registrationOpensAt))).toBe("upcoming");
    expect(eventPhase(e, e.registrationOpensAt)).toBe("open");
    expect(eventPhase(e, before(e.registrationClosesAt))).toBe("open");
    expect(eventPhase(e, e.registrationClosesAt)).toBe("closed");
    // The last day is 24 October; it is over at midnight in Berlin (still summer time: 22:00 UTC).
    expect(eventPhase(e, new Date("2026-10-24T21:59:59.999Z"))).toBe("closed");
    expect(eventPhase(e, new Date("2026-10-24T22:00:00.000Z"))).toBe("finished");
  });

  it.each([
    ["2026-03-28", "2026-03-28T23:00:00.000Z"], // the night the clocks go forward: midnight is still CET
    ["2026-10-25", "2026-10-25T23:00:00.000Z"], // the day the clocks go back: the next midnight is CET
    ["2026-12-31", "2026-12-31T23:00:00.000Z"], // a new year
    ["2028-02-28", "2028-02-28T23:00:00.000Z"], // the day before a leap day
  ])("counts an event ending on %s as finished from the next Berlin midnight, %s", (endsOn, midnight) => {
    const e = {
      ...event("published", endsOn),
      registrationOpensAt: new Date("2026-01-01T00:00:00Z"),
      registrationClosesAt: new Date("2026-02-01T00:00:00Z"),
    };
    expect(eventPhase(e, before(new Date(midnight)))).toBe("closed");
    expect(eventPhase(e, new Date(midnight))).toBe("finished");
  });

  it("reads the day in the event's own zone when it has one", () => {
    const e = { ...event(), timeZone: "UTC" };
    expect(eventPhase(e, new Date("2026-10-24T23:59:59.999Z"))).toBe("closed");
    expect(eventPhase(e, new Date("2026-10-25T00:00:00.000Z"))).toBe("finished");
  });

  it("counts an event as finished even when its registration window was left open past the end", () => {
    const e = { ...event(), registrationClosesAt: zonedMoment("2026-12-01", "00:00") };
    expect(eventPhase(e, zonedMoment("2026-10-24", "23:59"))).toBe("open");
    expect(eventPhase(e, zonedMoment("2026-10-25", "00:00"))).toBe("finished");
  });

  it.each(["draft", "cancelled", "finished"] as const)("keeps a %s event %s whatever the time", (status) => {
    for (const now of [
      "2026-01-01T00:00:00Z",
      "2026-09-01T00:00:00Z",
      "2026-10-20T00:00:00Z",
      "2027-01-01T00:00:00Z",
    ]) {
      expect(eventPhase(event(status), new Date(now))).toBe(status);
    }
  });

  it("never goes back a phase as time passes", () => {
    const order: EventPhase[] = ["upcoming", "open", "closed", "finished"];
    const instant = fc.integer({ min: Date.UTC(2026, 6, 1), max: Date.UTC(2026, 11, 1) }).map((t) => new Date(t));
    fc.assert(
      fc.property(instant, instant, (a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(order.indexOf(eventPhase(event(), early))).toBeLessThanOrEqual(order.indexOf(eventPhase(event(), late)));
      }),
    );
  });
});
