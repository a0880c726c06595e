import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { eventToFormValues, newEventFormValues, withSessionRowAdded } from "./event-form-values";
import { eventSchema } from "./schemas/event";
import { eventFormInput } from "./schemas/event-form-input";
import { dayKey, zonedMoment } from "./time";

type Session = Parameters<typeof eventToFormValues>[1][number];
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
// The second pass of 02:00–03:00 when Berlin's clocks go back: a wall-clock form cannot name it.
const repeatedHours = [Date.parse("2026-10-25T01:00:00Z"), Date.parse("2027-10-31T01:00:00Z")];
const nameable = (t: number) => !repeatedHours.some((h) => t >= h && t < h + HOUR);

const around = (iso: string) => fc.integer({ min: -36 * 60, max: 36 * 60 }).map((m) => Date.parse(iso) + m * MINUTE);
/** Whole minutes in 2026–2027, most of them within a day and a half of a clock change. */
const instant = fc
  .oneof(
    around("2026-03-29T01:00:00Z"),
    around("2026-10-25T01:00:00Z"),
    around("2027-03-28T01:00:00Z"),
    around("2027-10-31T01:00:00Z"),
    fc
      .integer({ min: Date.parse("2026-01-01T00:00:00Z") / MINUTE, max: Date.parse("2027-12-31T00:00:00Z") / MINUTE })
      .map((m) => m * MINUTE),
  )
  .filter(nameable);

const session = fc
  .record({
    start: instant,
    minutes: fc.integer({ min: 1, max: 600 }),
    capacity: fc.integer({ min: 1, max: 2000 }),
    track: fc.boolean(),
  })
  .map(({ start, minutes, capacity, track }): Session => ({
    id: crypto.randomUUID(),
    name: "Session",
    kind: track ? "nordschleife" : "paddock",
    startsAt: new Date(start),
    endsAt: new Date(start + minutes * MINUTE),
    capacity,
    noiseLimitDb: track ? 95 : null,
  }))
  .filter((s) => nameable(s.endsAt.getTime()) && dayKey(s.startsAt) === dayKey(s.endsAt));

const savedEvent = fc
  .record({
    sessions: fc.array(session, { minLength: 1, maxLength: 4 }),
    openFor: fc.integer({ min: 1, max: 90 * 24 * 60 }),
    closesBefore: fc.integer({ min: 0, max: 14 * 24 * 60 }),
    models: fc.subarray(["bmw-1m-e82", "bmw-m2-f87", "other"]),
  })
  .map(({ sessions, openFor, closesBefore, models }) => {
    const first = Math.min(...sessions.map((s) => s.startsAt.getTime()));
    const days = sessions.map((s) => dayKey(s.startsAt)).sort();
    const closes = first - closesBefore * MINUTE;
    const event = {
      name: "1M Meet",
      slug: "1m-meet",
      venue: "Nürburgring",
      description: "",
      startsOn: days[0]!,
      endsOn: days.at(-1)!,
      registrationOpensAt: new Date(closes - openFor * MINUTE),
      registrationClosesAt: new Date(closes),
      allocation: "lottery",
      maxSessionsPerCar: 2,
      eligibleModels: models.length ? models : null,
      rulesText: "",
    };
    return { event, sessions };
  })
  .filter(
    ({ event }) => nameable(event.registrationOpensAt.getTime()) && nameable(event.registrationClosesAt.getTime()),
  );

/** What the browser posts back for these form values: one entry per ticked model. */
function posted(values: Record<string, string>): [string, string][] {
  return Object.entries(values).flatMap(([k, v]): [string, string][] =>
    k === "eligibleModels"
      ? v
          .split(",")
          .filter(Boolean)
          .map((m) => [k, m])
      : [[k, v]],
  );
}

function roundTrip(event: Parameters<typeof eventToFormValues>[0], sessions: Session[]) {
  return eventSchema.parse(eventFormInput(posted(eventToFormValues(event, sessions))).input);
}

const base = {
  name: "1M Meet",
  slug: "1m-meet",
  venue: "Nürburgring",
  description: "",
  startsOn: "2026-10-25",
  endsOn: "2026-10-25",
  registrationOpensAt: zonedMoment("2026-01-05", "10:00"),
  registrationClosesAt: zonedMoment("2026-03-01", "10:00"),
  allocation: "fcfs",
  maxSessionsPerCar: null,
  eligibleModels: null,
  rulesText: "",
};

describe("eventToFormValues → eventFormInput → eventSchema", () => {
  it("gives back the same instants and settings, across Berlin's clock changes", () => {
    fc.assert(
      fc.property(savedEvent, ({ event, sessions }) => {
        const back = roundTrip(event, sessions);
        expect(back.registrationOpensAt).toEqual(event.registrationOpensAt);
        expect(back.registrationClosesAt).toEqual(event.registrationClosesAt);
        expect(back).toMatchObject({
          slug: event.slug,
          startsOn: event.startsOn,
          endsOn: event.endsOn,
          allocation: "lottery",
          maxSessionsPerCar: 2,
          eligibleModels: event.eligibleModels,
        });
        expect(back.sessions).toEqual(
          sessions.map((s) => ({ ...s, experienceLevels: [], remove: false, confirmRemoval: false })),
        );
      }),
      { numRuns: 300 },
    );
  });

  it("keeps a session running 01:30–03:30 through the October switch (three real hours)", () => {
    const s: Session = {
      id: crypto.randomUUID(),
      name: "Night",
      kind: "other",
      startsAt: new Date("2026-10-24T23:30:00Z"),
      endsAt: new Date("2026-10-25T02:30:00Z"),
      capacity: 10,
      noiseLimitDb: null,
    };
    const values = eventToFormValues({ ...base, startsOn: "2026-10-25", endsOn: "2026-10-25" }, [s]);
    expect([values["sessions.0.day"], values["sessions.0.start"], values["sessions.0.end"]]).toEqual([
      "2026-10-25",
      "01:30",
      "03:30",
    ]);
    expect(roundTrip({ ...base, startsOn: "2026-10-25", endsOn: "2026-10-25" }, [s]).sessions[0]).toMatchObject({
      startsAt: s.startsAt,
      endsAt: s.endsAt,
    });
  });

  it("writes an empty model list and no session limit as empty fields", () => {
    const values = eventToFormValues({ ...base, eligibleModels: null, maxSessionsPerCar: null }, []);
    expect([values.eligibleModels, values.maxSessionsPerCar, values.registrationOpensAt]).toEqual([
      "",
      "",
      "2026-01-05T10:00",
    ]);
  });
});

describe("newEventFormValues", () => {
  it("starts at the Nürburgring, first come first served, with one paddock row", () => {
    const { input, rows } = eventFormInput(Object.entries(newEventFormValues()));
    expect(rows).toBe(1);
    expect(input).toMatchObject({ venue: "Nürburgring", allocation: "fcfs", sessions: [{ kind: "paddock" }] });
  });
});

describe("withSessionRowAdded", () => {
  it("adds an empty row with the kind and the day of the one before it", () => {
    const values = {
      name: "Meet",
      "sessions.0.kind": "paddock",
      "sessions.1.kind": "gp_track",
      "sessions.1.day": "2031-07-13",
      "sessions.1.name": "GP 1",
      "sessions.1.start": "09:00",
    };
    const added = withSessionRowAdded(values, 2);
    expect(added.rows).toBe(3);
    expect(added.values).toEqual({ ...values, "sessions.2.kind": "gp_track", "sessions.2.day": "2031-07-13" });
  });

  it("leaves the first row to the form's default", () => {
    expect(withSessionRowAdded({ name: "Meet" }, 0)).toEqual({ values: { name: "Meet" }, rows: 1 });
  });
});
