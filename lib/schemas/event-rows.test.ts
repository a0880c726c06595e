import { describe, expect, it } from "vitest";
import {
  eventForm,
  eventFormErrors as errorsOf,
  eventWithSessions as withSessions,
  keptSessions as kept,
  sessionForm,
  type SessionForm,
} from "@/test/event-form";
import { zonedMoment } from "../time";
import { eventSchema } from "./event";

// The programme's rows beyond one form's mistakes (event.test.ts): rows ticked for removal, and
// times on the days Berlin's clock changes.

describe("eventSchema: removed rows", () => {
  it("ignores a removed row's times, day and noise limit", () => {
    const removed = sessionForm({
      id: "x",
      day: "2031-07-01",
      start: "11:00",
      end: "10:00",
      noiseLimitDb: "99",
      remove: "on",
    });
    const input = eventSchema.parse(withSessions(sessionForm(), removed));
    expect(input.sessions.map((s) => s.remove)).toEqual([false, true]);
  });

  it("does not let a removed row move the registration deadline", () => {
    const early = sessionForm({ start: "06:00", end: "07:00", remove: "on" });
    expect(
      errorsOf(
        eventForm({ registrationClosesAt: "2031-06-14T08:00", sessions: [early, sessionForm({ start: "09:00" })] }),
      ),
    ).toEqual({});
  });

  it("ignores a blank row added and then ticked for removal", () => {
    const blank: SessionForm = {
      id: "",
      name: "",
      kind: "paddock",
      day: "",
      start: "",
      end: "",
      capacity: "",
      noiseLimitDb: "",
      remove: "on",
    };
    expect(errorsOf(withSessions(sessionForm(), blank))).toEqual({});
  });
});

describe("eventSchema: Berlin's clock changes", () => {
  const dstEvent = (day: string, ...sessions: SessionForm[]) =>
    eventForm({
      startsOn: day,
      endsOn: day,
      registrationOpensAt: "2026-01-05T10:00",
      registrationClosesAt: "2026-03-01T10:00",
      sessions: sessions.map((s) => ({ ...s, day })),
    });

  it("reads 09:00–10:00 on the last Sunday of October as 08:00–09:00 UTC (winter time again)", () => {
    const [s] = kept(eventSchema.parse(dstEvent("2026-10-25", sessionForm({ start: "09:00", end: "10:00" }))).sessions);
    expect([s!.startsAt.toISOString(), s!.endsAt.toISOString()]).toEqual([
      "2026-10-25T08:00:00.000Z",
      "2026-10-25T09:00:00.000Z",
    ]);
  });

  it("reads 10:00 on the last Sunday of March as 08:00 UTC (summer time)", () => {
    const [s] = kept(eventSchema.parse(dstEvent("2026-03-29", sessionForm({ start: "10:00", end: "11:00" }))).sessions);
    expect(s!.startsAt.toISOString()).toBe("2026-03-29T08:00:00.000Z");
    expect(s!.startsAt).toEqual(zonedMoment("2026-03-29", "10:00"));
  });

  it("accepts 01:30–03:30 across the October switch: three real hours, end after start", () => {
    const [s] = kept(eventSchema.parse(dstEvent("2026-10-25", sessionForm({ start: "01:30", end: "03:30" }))).sessions);
    expect([s!.startsAt.toISOString(), s!.endsAt.toISOString()]).toEqual([
      "2026-10-24T23:30:00.000Z",
      "2026-10-25T02:30:00.000Z",
    ]);
  });
});
