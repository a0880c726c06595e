import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  dayKey,
  EVENT_TIME_ZONE,
  formatClock,
  formatMoment,
  formatSessionTime,
  formatDay,
  formatWhen,
  weekday,
  zonedMoment,
} from "./time";

const pad = (n: number) => String(n).padStart(2, "0");
const calendarDay = fc
  .date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const clock = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${pad(h)}:${pad(m)}`);
/** Berlin moves its clocks on the last Sunday of March (02:00 → 03:00) and of October (03:00 → 02:00). */
const isSwitchSunday = (day: string, month: "03" | "10") =>
  day.slice(5, 7) === month && weekday(day) === 0 && Number(day.slice(8)) >= 25;

describe("the test run itself", () => {
  it("runs in a zone whose offset is not a whole hour, so a forgotten zone shows", () => {
    expect(new Date("2026-01-15T12:00:00Z").getTimezoneOffset() % 60).not.toBe(0);
  });
});

describe("zonedMoment / formatClock / dayKey", () => {
  it("reads wall-clock times in Berlin across both DST switches", () => {
    expect(zonedMoment("2026-10-25", "09:00").toISOString()).toBe("2026-10-25T08:00:00.000Z");
    expect(zonedMoment("2026-10-24", "09:00").toISOString()).toBe("2026-10-24T07:00:00.000Z");
    expect(zonedMoment("2026-03-29", "10:00").toISOString()).toBe("2026-03-29T08:00:00.000Z");
    expect(zonedMoment("2026-03-28", "10:00").toISOString()).toBe("2026-03-28T09:00:00.000Z");
    expect(zonedMoment("2026-01-01", "00:00").toISOString()).toBe("2025-12-31T23:00:00.000Z");
  });

  it("shows instants in Berlin whatever the process zone", () => {
    const summer = new Date("2026-07-01T10:00:00Z");
    expect(formatClock(summer)).toBe("12:00");
    expect(dayKey(new Date("2026-07-01T22:30:00Z"))).toBe("2026-07-02");
    expect(formatMoment(new Date("2026-12-31T23:15:00Z"))).toBe("2027-01-01 00:15");
    expect(formatClock(summer, "UTC")).toBe("10:00");
    expect(EVENT_TIME_ZONE).toBe("Europe/Berlin");
  });

  it("round-trips every existing wall-clock time in Berlin", () => {
    fc.assert(
      fc.property(calendarDay, clock, (day, time) => {
        fc.pre(!(isSwitchSunday(day, "03") && time.startsWith("02:")));
        const moment = zonedMoment(day, time);
        expect(formatClock(moment)).toBe(time);
        expect(dayKey(moment)).toBe(day);
        expect(formatMoment(moment)).toBe(`${day} ${time}`);
      }),
      { numRuns: 500 },
    );
  });

  it("round-trips instants (whole minutes) outside the repeated autumn hour", () => {
    const instant = fc.integer({ min: 946_684_800 / 60, max: 4_102_444_800 / 60 }).map((m) => new Date(m * 60_000));
    fc.assert(
      fc.property(instant, (moment) => {
        const day = dayKey(moment);
        fc.pre(!(isSwitchSunday(day, "10") && formatClock(moment).startsWith("02:")));
        expect(zonedMoment(day, formatClock(moment)).getTime()).toBe(moment.getTime());
      }),
      { numRuns: 500 },
    );
  });
});

describe("addDays / weekday", () => {
  it("crosses months, leap days and years", () => {
    expect(addDays("2026-01-31", 1)).toBe("2026-02-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("2026-10-24", 1)).toBe("2026-10-25");
  });

  it("names weekdays 0 = Sunday … 6 = Saturday", () => {
    expect(weekday("2026-10-25")).toBe(0);
    expect(weekday("2026-03-29")).toBe(0);
    expect(weekday("2026-03-28")).toBe(6);
    expect(weekday("2026-11-27")).toBe(5);
  });

  it("undoes itself and keeps the weekday every 7 days", () => {
    fc.assert(
      fc.property(calendarDay, fc.integer({ min: -3000, max: 3000 }), (day, n) => {
        expect(addDays(addDays(day, n), -n)).toBe(day);
        expect(weekday(addDays(day, 7 * Math.trunc(n / 7)))).toBe(weekday(day));
        expect(weekday(addDays(day, n))).toBe((((weekday(day) + n) % 7) + 7) % 7);
        expect(addDays(day, n)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }),
    );
  });
});

describe("formatDay", () => {
  it("reads a calendar day in the owner's language, the same day whatever the device's zone", () => {
    expect(formatDay("2026-12-21", "en")).toBe("Mon, Dec 21, 2026");
    expect(formatDay("2026-12-21", "de")).toBe("Mo., 21. Dez. 2026");
    fc.assert(
      fc.property(calendarDay, (day) => {
        // The day of the month and the year printed are the day's own, never its neighbour's.
        const [y, , d] = day.split("-");
        expect(formatDay(day, "de")).toContain(`${Number(d)}.`);
        expect(formatDay(day, "en")).toContain(y!);
        expect(formatDay(day, "en").startsWith(formatWhen(zonedMoment(day, "12:00"), "en").slice(0, 3))).toBe(true);
      }),
    );
  });
});

describe("formatWhen / formatSessionTime", () => {
  it("reads in the owner's language, in Berlin, on a 24-hour clock", () => {
    const start = zonedMoment("2027-06-05", "09:00");
    const end = zonedMoment("2027-06-05", "12:30");
    expect(formatWhen(start, "en")).toBe("Sat, Jun 5, 2027, 09:00");
    expect(formatWhen(start, "de")).toBe("Sa., 5. Juni 2027, 09:00");
    expect(formatSessionTime(start, end, "en")).toBe("Sat, Jun 5, 09:00\u2060–\u206012:30");
    expect(formatSessionTime(start, end, "de")).toBe("Sa., 5. Juni, 09:00\u2060–\u206012:30");
    // After midnight in Berlin, still the evening before in UTC.
    expect(formatWhen(zonedMoment("2027-01-01", "00:30"), "de")).toBe("Fr., 1. Jan. 2027, 00:30");
  });

  it("shows the Berlin clock and year of any moment, whatever the device's zone", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2000-01-01"), max: new Date("2099-12-31"), noInvalidDate: true }),
        (moment) => {
          for (const locale of ["en", "de"]) {
            expect(formatWhen(moment, locale).endsWith(formatClock(moment))).toBe(true);
            expect(formatWhen(moment, locale)).toContain(dayKey(moment).slice(0, 4));
            expect(formatWhen(moment, locale, { year: false })).not.toContain(dayKey(moment).slice(0, 4));
          }
        },
      ),
    );
  });
});
