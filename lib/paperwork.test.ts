import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkAnswers,
  detailsComplete,
  EXPERIENCE_LEVELS,
  mayBookSession,
  overNoiseLimit,
  paperworkStatus,
  type PaperworkFacts,
  type Requirements,
} from "./paperwork";

const none: Requirements = {
  requireLicence: false,
  requireEmergencyContact: false,
  requireExperience: false,
  waiverVersion: null,
};
const facts = (over: Partial<PaperworkFacts> = {}): PaperworkFacts => ({
  details: null,
  requiredQuestions: [],
  answered: [],
  driverSigned: [],
  secondDriver: false,
  secondDriverSigned: [],
  eventStartsOn: "2027-07-10",
  ...over,
});
const licence = { licenceNumber: "B072RRE2I55", licenceCountry: "DE", licenceValidUntil: "2030-01-01" };

describe("paperworkStatus", () => {
  it("asks nothing of an event without paperwork: complete at once", () => {
    expect(paperworkStatus(none, facts())).toEqual({ steps: [], missing: [], complete: true });
  });

  it("lists each step the event asks for, and what of it is missing", () => {
    const req = { ...none, requireLicence: true, waiverVersion: 2 };
    const status = paperworkStatus(req, facts({ secondDriver: true, requiredQuestions: ["q1"], driverSigned: [2] }));
    expect(status.steps).toEqual(["details", "questions", "waiver", "secondDriverWaiver"]);
    expect(status.missing).toEqual(["details", "questions", "secondDriverWaiver"]);
    expect(status.complete).toBe(false);
  });

  it("counts a signature only of the version in force: a changed text is signed again", () => {
    const req = { ...none, waiverVersion: 3 };
    expect(paperworkStatus(req, facts({ driverSigned: [1, 2] })).missing).toEqual(["waiver"]);
    expect(paperworkStatus(req, facts({ driverSigned: [2, 3] })).complete).toBe(true);
  });

  it("is complete exactly when nothing is missing (any requirements, any facts)", () => {
    const arbReq = fc.record({
      requireLicence: fc.boolean(),
      requireEmergencyContact: fc.boolean(),
      requireExperience: fc.boolean(),
      waiverVersion: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
    });
    const versions = fc.array(fc.integer({ min: 1, max: 4 }), { maxLength: 4 });
    const arbFacts = fc.record({
      details: fc.option(fc.record({ experience: fc.option(fc.constantFrom(...EXPERIENCE_LEVELS), { nil: null }) }), {
        nil: null,
      }),
      requiredQuestions: fc.array(fc.constantFrom("a", "b", "c"), { maxLength: 3 }),
      answered: fc.array(fc.constantFrom("a", "b", "c"), { maxLength: 3 }),
      driverSigned: versions,
      secondDriver: fc.boolean(),
      secondDriverSigned: versions,
      eventStartsOn: fc.constant("2027-07-10"),
    });
    fc.assert(
      fc.property(arbReq, arbFacts, (req, f) => {
        const s = paperworkStatus(req, f);
        expect(s.complete).toBe(s.missing.length === 0);
        expect(s.missing.every((m) => s.steps.includes(m))).toBe(true);
        if (req.waiverVersion !== null && !f.driverSigned.includes(req.waiverVersion)) expect(s.complete).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("detailsComplete", () => {
  it("wants a licence that is still valid on the event's first day", () => {
    const req = { ...none, requireLicence: true };
    expect(detailsComplete(req, licence, "2027-07-10")).toBe(true);
    expect(detailsComplete(req, { ...licence, licenceValidUntil: "2027-07-09" }, "2027-07-10")).toBe(false);
    expect(detailsComplete(req, { ...licence, licenceValidUntil: "2027-07-10" }, "2027-07-10")).toBe(true);
    expect(detailsComplete(req, { ...licence, licenceNumber: " " }, "2027-07-10")).toBe(false);
  });

  it("wants both the name and the phone of an emergency contact, and an experience level", () => {
    const req = { ...none, requireEmergencyContact: true, requireExperience: true };
    expect(
      detailsComplete(req, { emergencyName: "Anna", emergencyPhone: "+49171", experience: "first_time" }, "x"),
    ).toBe(true);
    expect(detailsComplete(req, { emergencyName: "Anna", experience: "first_time" }, "x")).toBe(false);
    expect(detailsComplete(req, { emergencyName: "Anna", emergencyPhone: "+49171" }, "x")).toBe(false);
  });
});

describe("run groups and noise", () => {
  it("lets everyone book a session without levels, and only those levels otherwise", () => {
    expect(mayBookSession([], null)).toBe(true);
    expect(mayBookSession(["first_time"], "first_time")).toBe(true);
    expect(mayBookSession(["first_time"], "nordschleife")).toBe(false);
    expect(mayBookSession(["nordschleife"], null)).toBe(false);
  });

  it("marks a car only when both its noise and the limit are known and it is over", () => {
    expect(overNoiseLimit(99, 98)).toBe(true);
    expect(overNoiseLimit(98, 98)).toBe(false);
    expect(overNoiseLimit(null, 98)).toBe(false);
    expect(overNoiseLimit(99, null)).toBe(false);
  });
});

describe("checkAnswers", () => {
  const questions = [
    { id: "size", text: "T-shirt size", kind: "choice" as const, choices: ["S", "M", "L"], required: true },
    { id: "dinner", text: "Dinner?", kind: "yes_no" as const, choices: [], required: false },
    { id: "guests", text: "Passengers", kind: "number" as const, choices: [], required: false },
    { id: "note", text: "Anything else", kind: "text" as const, choices: [], required: false },
  ];

  it("keeps the answers to the event's questions, trimmed, leaving out empty and unknown ones", () => {
    expect(checkAnswers(questions, { size: " M ", dinner: "yes", guests: "", other: "x", note: "Late" })).toEqual({
      ok: true,
      answers: [
        { questionId: "size", value: "M" },
        { questionId: "dinner", value: "yes" },
        { questionId: "note", value: "Late" },
      ],
    });
  });

  it("refuses beside the question: a required one unanswered, a choice not offered, a number that is none", () => {
    expect(checkAnswers(questions, {})).toEqual({ ok: false, field: "answers.size", error: "errors.answerRequired" });
    expect(checkAnswers(questions, { size: "XL" })).toMatchObject({
      field: "answers.size",
      error: "errors.answerChoice",
    });
    expect(checkAnswers(questions, { size: "S", dinner: "maybe" })).toMatchObject({ error: "errors.answerChoice" });
    expect(checkAnswers(questions, { size: "S", guests: "two" })).toMatchObject({ error: "errors.answerNumber" });
  });
});
