import { describe, expect, it } from "vitest";
import { eventForm, formEntries, sessionForm } from "@/test/event-form";
import { eventSchema } from "./event";
import { eventFormInput } from "./event-form-input";

describe("eventFormInput", () => {
  it("turns the posted entries into the shape eventSchema parses, and parses like the form itself", () => {
    const form = eventForm({ eligibleModels: ["bmw-1m-e82", "bmw-m2-f87"], maxSessionsPerCar: "2" });
    const { input, rows } = eventFormInput(formEntries(form));
    expect(rows).toBe(2);
    expect(input.sessions).toHaveLength(2);
    expect(input.sessions[1]).toMatchObject({
      name: "GP track",
      kind: "gp_track",
      day: "2031-06-15",
      start: "10:00",
      end: "11:00",
      capacity: "20",
      noiseLimitDb: "98",
    });
    expect(eventSchema.parse(input)).toEqual(eventSchema.parse(form));
  });

  it("collects every ticked model from repeated entries, in order, and echoes them joined", () => {
    const { input, values } = eventFormInput([
      ["eligibleModels", "bmw-1m-e82"],
      ["name", "Meet"],
      ["eligibleModels", "bmw-m2-g87"],
      ["eligibleModels", "other"],
    ]);
    expect(input.eligibleModels).toEqual(["bmw-1m-e82", "bmw-m2-g87", "other"]);
    expect(values.eligibleModels).toBe("bmw-1m-e82,bmw-m2-g87,other");
    expect(eventFormInput([["name", "Meet"]]).input.eligibleModels).toEqual([]);
  });

  it("counts rows by the highest index, leaving a skipped row empty", () => {
    const { input, rows } = eventFormInput([
      ["sessions.0.name", "Paddock"],
      ["sessions.2.name", "Parade"],
      ["sessions.2.remove", "on"],
    ]);
    expect(rows).toBe(3);
    expect(input.sessions.map((s) => [s.name, s.remove])).toEqual([
      ["Paddock", undefined],
      [undefined, undefined],
      ["Parade", "on"],
    ]);
  });

  it("caps the programme at 60 rows, however high an index is posted", () => {
    const { input, rows } = eventFormInput([
      ["sessions.0.name", "First"],
      ["sessions.59.name", "Last"],
      ["sessions.5000.name", "Forged"],
    ]);
    expect(rows).toBe(60);
    expect(input.sessions).toHaveLength(60);
    expect(input.sessions[59]!.name).toBe("Last");
    expect(JSON.stringify(input)).not.toContain("Forged");
  });

  it("has no rows when no session was posted", () => {
    const { input, rows } = eventFormInput([["name", "Meet"]]);
    expect(rows).toBe(0);
    expect(input.sessions).toEqual([]);
  });

  it("ignores files and keys that are not part of the event", () => {
    const file = new File(["x"], "x.txt");
    const { input, values } = eventFormInput([
      ["name", "Meet"],
      ["venue", file],
      ["status", "published"],
      ["clubId", "abc"],
      ["sessions.0.name", "Paddock"],
      ["sessions.0.owner", "x"],
    ]);
    expect(input).not.toHaveProperty("status");
    expect(input).not.toHaveProperty("clubId");
    expect((input as Record<string, unknown>).venue).toBeUndefined();
    expect(input.sessions[0]).not.toHaveProperty("owner");
    expect(values).toMatchObject({ name: "Meet", clubId: "abc" });
  });

  it("keeps the last of two entries for one field", () => {
    expect(
      eventFormInput([
        ["name", "First"],
        ["name", "Second"],
      ]).input,
    ).toMatchObject({ name: "Second" });
  });

  it("passes a ticked removal through to the schema", () => {
    const form = eventForm({
      sessions: [sessionForm(), sessionForm({ id: "abc", remove: "on", confirmRemoval: "on" })],
    });
    const parsed = eventSchema.parse(eventFormInput(formEntries(form)).input);
    expect(parsed.sessions.map((s) => [s.id, s.remove, s.confirmRemoval])).toEqual([
      [null, false, false],
      ["abc", true, true],
    ]);
  });
});
