import { describe, expect, it } from "vitest";
import {
  eventForm,
  eventFormErrors as errorsOf,
  eventWithSessions as withSessions,
  keptSessions as kept,
  sessionForm,
  type EventForm,
} from "@/test/event-form";
import { eventSchema } from "./event";

describe("eventSchema: a valid form", () => {
  it("parses Berlin wall-clock times to instants and fills the defaults", () => {
    const input = eventSchema.parse(eventForm({ eligibleModels: ["bmw-1m-e82", "other"], maxSessionsPerCar: "2" }));
    expect(input).toMatchObject({
      name: "1M Meet",
      slug: null,
      venue: "Nürburgring",
      description: "",
      allocation: "fcfs",
      maxSessionsPerCar: 2,
      eligibleModels: ["bmw-1m-e82", "other"],
      startsOn: "2031-06-14",
      endsOn: "2031-06-15",
    });
    expect(input.registrationOpensAt.toISOString()).toBe("2031-04-01T08:00:00.000Z");
    expect(input.registrationClosesAt.toISOString()).toBe("2031-06-06T22:00:00.000Z");
    expect(
      kept(input.sessions).map((s) => [
        s.id,
        s.name,
        s.kind,
        s.startsAt.toISOString(),
        s.endsAt.toISOString(),
        s.capacity,
        s.noiseLimitDb,
        s.remove,
      ]),
    ).toEqual([
      [null, "Paddock", "paddock", "2031-06-14T07:00:00.000Z", "2031-06-14T10:00:00.000Z", 30, null, false],
      [null, "GP track", "gp_track", "2031-06-15T08:00:00.000Z", "2031-06-15T09:00:00.000Z", 20, 98, false],
    ]);
  });

  it("lower-cases a typed slug and accepts the capacity bounds 1 and 2000", () => {
    const input = eventSchema.parse(
      eventForm({
        slug: " My-Meet-2031 ",
        sessions: [sessionForm({ capacity: "1" }), sessionForm({ capacity: "2000" })],
      }),
    );
    expect(input.slug).toBe("my-meet-2031");
    expect(input.sessions.map((s) => s.capacity)).toEqual([1, 2000]);
  });

  it("lets registration close exactly when the first session starts (the earliest, not the first row)", () => {
    const form = eventForm({
      registrationClosesAt: "2031-06-14T08:00",
      sessions: [sessionForm({ start: "09:00" }), sessionForm({ start: "08:00", end: "08:30" })],
    });
    expect(errorsOf(form)).toEqual({});
  });
});

describe("eventSchema: each mistake on its own field", () => {
  it.each<[string, EventForm, Record<string, string>]>([
    [
      "the end before the start",
      eventForm({ startsOn: "2031-06-15", endsOn: "2031-06-14", sessions: [sessionForm({ day: "2031-06-15" })] }),
      { endsOn: "errors.endsBeforeStart", "sessions.0.day": "errors.sessionOutsideEvent" },
    ], // no day lies in an empty range
    [
      "a session ending before it starts",
      withSessions(sessionForm(), sessionForm({ start: "11:00", end: "10:00" })),
      { "sessions.1.end": "errors.sessionEndBeforeStart" },
    ],
    [
      "a session ending when it starts",
      withSessions(sessionForm({ start: "11:00", end: "11:00" })),
      { "sessions.0.end": "errors.sessionEndBeforeStart" },
    ],
    [
      "a session the day before the event",
      withSessions(sessionForm(), sessionForm({ day: "2031-06-13" })),
      { "sessions.1.day": "errors.sessionOutsideEvent" },
    ],
    [
      "a session the day after the event",
      withSessions(sessionForm({ day: "2031-06-16" }), sessionForm()),
      { "sessions.0.day": "errors.sessionOutsideEvent" },
    ],
    [
      "capacity 0",
      withSessions(sessionForm(), sessionForm({ capacity: "0" })),
      { "sessions.1.capacity": "errors.capacity" },
    ],
    ["capacity 2001", withSessions(sessionForm({ capacity: "2001" })), { "sessions.0.capacity": "errors.capacity" }],
    ["capacity abc", withSessions(sessionForm({ capacity: "abc" })), { "sessions.0.capacity": "errors.capacity" }],
    ["capacity 1.5", withSessions(sessionForm({ capacity: "1.5" })), { "sessions.0.capacity": "errors.capacity" }],
    [
      "registration closing after the first session starts",
      eventForm({ registrationClosesAt: "2031-06-14T08:01", sessions: [sessionForm({ start: "08:00" })] }),
      { registrationClosesAt: "errors.closesAfterStart" },
    ],
    [
      "registration closing before it opens",
      eventForm({ registrationOpensAt: "2031-06-01T10:00", registrationClosesAt: "2031-05-01T10:00" }),
      { registrationClosesAt: "errors.closesBeforeOpens" },
    ],
    [
      "registration closing as it opens",
      eventForm({ registrationOpensAt: "2031-06-01T10:00", registrationClosesAt: "2031-06-01T10:00" }),
      { registrationClosesAt: "errors.closesBeforeOpens" },
    ],
    [
      "a noise limit on a paddock session",
      withSessions(sessionForm(), sessionForm({ kind: "paddock", noiseLimitDb: "95" })),
      { "sessions.1.noiseLimitDb": "errors.noiseOnlyTrack" },
    ],
    [
      "a noise limit of 131 dB",
      withSessions(sessionForm({ kind: "nordschleife", noiseLimitDb: "131" })),
      { "sessions.0.noiseLimitDb": "errors.noiseLimit" },
    ],
    ["an empty programme", withSessions(), { sessions: "errors.sessionsRequired" }],
    [
      "a programme whose every row is removed",
      withSessions(sessionForm({ remove: "on" })),
      { sessions: "errors.sessionsRequired" },
    ],
    ["a slug with a space", eventForm({ slug: "my meet" }), { slug: "errors.slugInvalid" }],
    ["a slug with a double dash", eventForm({ slug: "my--meet" }), { slug: "errors.slugInvalid" }],
    ["a slug of 61 characters", eventForm({ slug: "a".repeat(61) }), { slug: "errors.slugInvalid" }],
    [
      "an unknown model",
      eventForm({ eligibleModels: ["bmw-1m-e82", "trabant-601"] }),
      { eligibleModels: "errors.modelRequired" },
    ],
    [
      "a session time of 24:00",
      withSessions(sessionForm({ end: "24:00" })),
      { "sessions.0.end": "errors.timeRequired" },
    ],
    // The message says the rule: a one-letter name is too short, a long one names the limit.
    [
      "a one-letter session name",
      withSessions(sessionForm({ name: "X" })),
      { "sessions.0.name": "errors.tooShort?min=2" },
    ],
    [
      "an empty session name",
      withSessions(sessionForm({ name: "" })),
      { "sessions.0.name": "errors.sessionNameRequired" },
    ],
    [
      "a session name of 81 characters",
      withSessions(sessionForm({ name: "x".repeat(81) })),
      { "sessions.0.name": "errors.tooLong?max=80" },
    ],
    ["an event name of 121 characters", eventForm({ name: "x".repeat(121) }), { name: "errors.tooLong?max=120" }],
    // Found by the fuzzer (e2e/specs/security-fuzz): the cross-field checks read these moments even when malformed.
    [
      "a moment that is not one",
      eventForm({ registrationOpensAt: "soon" }),
      { registrationOpensAt: "errors.momentRequired" },
    ],
    [
      "a closing moment that is not one",
      eventForm({ registrationClosesAt: "2031-06-07" }),
      { registrationClosesAt: "errors.momentRequired" },
    ],
    // Shaped like days but none: Postgres refused "7016-79-65" (a 500); JavaScript would roll 31 February into March.
    ["an end on a day that does not exist", eventForm({ endsOn: "7016-79-65" }), { endsOn: "errors.dateRequired" }],
    ["a start on 31 February", eventForm({ startsOn: "2031-02-31" }), { startsOn: "errors.dateRequired" }],
    [
      "a session on day 0",
      withSessions(sessionForm({ day: "2031-06-00" })),
      { "sessions.0.day": "errors.dateRequired" },
    ],
    [
      "registration opening in month 13",
      eventForm({ registrationOpensAt: "2031-13-01T10:00" }),
      { registrationOpensAt: "errors.momentRequired" },
    ],
  ])("%s", (_case, form, errors) => {
    expect(errorsOf(form)).toEqual(errors);
  });

  it("reports mistakes in several rows at once, each on its row", () => {
    const form = withSessions(
      sessionForm({ name: "" }),
      sessionForm(),
      sessionForm({ day: "2031-07-01", capacity: "0" }),
    );
    expect(errorsOf(form)).toEqual({
      "sessions.0.name": "errors.sessionNameRequired",
      "sessions.2.capacity": "errors.capacity",
      "sessions.2.day": "errors.sessionOutsideEvent",
    });
  });
});
