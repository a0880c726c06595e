import { describe, expect, it } from "vitest";
import { programmeCalendar, sessionUid } from "./event-calendar";
import { zonedMoment } from "./time";

const event = { name: "1M Meet 2026", venue: "Nürburgring", url: "https://ringmeet.example/events/1m-meet" };

function vevents(ics: string): string[] {
  return ics
    .split("BEGIN:VEVENT")
    .slice(1)
    .map((block) => block.split("END:VEVENT")[0]!.replace(/\r\n[ \t]/g, ""));
}

describe("programmeCalendar", () => {
  it("writes one VEVENT per session with the session's name, the venue and a unique UID", () => {
    const ics = programmeCalendar(event, [
      {
        id: "a1",
        name: "Paddock display",
        startsAt: zonedMoment("2026-08-01", "09:00"),
        endsAt: zonedMoment("2026-08-01", "12:30"),
      },
      {
        id: "b2",
        name: "GP track session 1",
        startsAt: zonedMoment("2026-08-02", "09:00"),
        endsAt: zonedMoment("2026-08-02", "09:30"),
      },
    ]);
    const blocks = vevents(ics);
    expect(blocks).toHaveLength(2);
    expect(blocks[0]).toContain("SUMMARY:Paddock display");
    expect(blocks[0]).toContain("LOCATION:Nürburgring");
    expect(blocks[0]).toContain(`UID:${sessionUid("a1")}`);
    expect(blocks[1]).toContain(`UID:${sessionUid("b2")}`);
    expect(blocks[0]).toContain("1M Meet 2026");
  });

  it("gives Berlin summer times in UTC (two hours back)", () => {
    const [block] = vevents(
      programmeCalendar(event, [
        {
          id: "s",
          name: "Paddock display",
          startsAt: zonedMoment("2026-08-01", "09:00"),
          endsAt: zonedMoment("2026-08-01", "12:30"),
        },
      ]),
    );
    expect(block).toMatch(/DTSTART:20260801T070000Z/);
    expect(block).toMatch(/DTEND:20260801T103000Z/);
  });

  it("gives the last Sunday of October, after the clocks go back, one hour back", () => {
    // 25 October 2026: Berlin leaves summer time at 03:00, so 09:00 is 08:00 UTC.
    const [block] = vevents(
      programmeCalendar(event, [
        {
          id: "s",
          name: "GP track session 1",
          startsAt: zonedMoment("2026-10-25", "09:00"),
          endsAt: zonedMoment("2026-10-25", "09:30"),
        },
      ]),
    );
    expect(block).toMatch(/DTSTART:20261025T080000Z/);
    expect(block).toMatch(/DTEND:20261025T083000Z/);
  });

  it("writes an empty calendar for an event without sessions", () => {
    const ics = programmeCalendar(event, []);
    expect(ics).toContain("BEGIN:VCALENDAR");
    expect(vevents(ics)).toHaveLength(0);
  });
});
