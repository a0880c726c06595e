import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gateOpensAt, recordedScanTime } from "./scan-time";

const moment = fc.date({
  min: new Date("1970-01-01T00:00:00Z"),
  max: new Date("2100-01-01T00:00:00Z"),
  noInvalidDate: true,
});

describe("when the gate opens", () => {
  it("is 00:00 in Berlin on the day before the first day, summer and winter time alike", () => {
    expect(gateOpensAt("2026-06-13").toISOString()).toBe("2026-06-11T22:00:00.000Z");
    expect(gateOpensAt("2026-01-10").toISOString()).toBe("2026-01-08T23:00:00.000Z");
    // The clocks go back on 25 October 2026: the day before still starts at 00:00 summer time.
    expect(gateOpensAt("2026-10-26").toISOString()).toBe("2026-10-24T22:00:00.000Z");
  });
});

describe("the time a check-in is recorded at", () => {
  it("is the phone's time from the gate's opening until now, else now", () => {
    fc.assert(
      fc.property(moment, moment, moment, (scannedAt, opensAt, now) => {
        const recorded = recordedScanTime(scannedAt, opensAt, now);
        const trusted = scannedAt >= opensAt && scannedAt <= now;
        expect(recorded).toBe(trusted ? scannedAt : now);
      }),
    );
  });

  it("never lies before the gate's opening (once it is open) nor after now", () => {
    fc.assert(
      fc.property(moment, moment, moment, (scannedAt, opensAt, now) => {
        const recorded = recordedScanTime(scannedAt, opensAt, now);
        expect(recorded.getTime()).toBeLessThanOrEqual(now.getTime());
        if (now >= opensAt) expect(recorded.getTime()).toBeGreaterThanOrEqual(opensAt.getTime());
      }),
    );
  });

  it("never beats a genuine scan made before it arrived (the earliest scan wins)", () => {
    fc.assert(
      fc.property(moment, moment, moment, moment, (scannedAt, opensAt, genuine, now) => {
        fc.pre(genuine >= opensAt && genuine <= now);
        const recorded = recordedScanTime(scannedAt, opensAt, now);
        if (recorded < genuine) expect(recorded).toBe(scannedAt);
      }),
    );
  });

  it("takes an unreadable time as now", () => {
    const now = new Date("2026-06-13T08:00:00Z");
    expect(recordedScanTime(new Date(Number.NaN), gateOpensAt("2026-06-13"), now)).toBe(now);
  });
});
