import { describe, expect, it } from "vitest";
import { paperworkFormInput, paperworkSchema, paperworkToFormValues } from "./paperwork";

const parse = (fields: Record<string, string>) =>
  paperworkSchema.safeParse(paperworkFormInput(Object.entries(fields)).input);
const messages = (fields: Record<string, string>) =>
  Object.fromEntries((parse(fields).error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

describe("paperworkSchema", () => {
  it("reads the waiver, the required details, the noise limit and the questions in order", () => {
    const result = parse({
      waiverEn: " I ride at my own risk. ",
      waiverDe: "Ich fahre auf eigene Gefahr.",
      requireLicence: "on",
      noiseLimitDb: "98",
      "questions.0.text": "T-shirt size",
      "questions.0.kind": "choice",
      "questions.0.choices": "S\r\nM\n\nL ",
      "questions.0.required": "on",
      "questions.1.text": "Dinner?",
      "questions.1.kind": "yes_no",
      "questions.1.choices": "ignored",
    });
    expect(result.data).toEqual({
      waiverEn: "I ride at my own risk.",
      waiverDe: "Ich fahre auf eigene Gefahr.",
      requireLicence: true,
      requireEmergencyContact: false,
      requireExperience: false,
      noiseLimitDb: 98,
      questions: [
        { id: null, text: "T-shirt size", kind: "choice", choices: ["S", "M", "L"], required: true },
        { id: null, text: "Dinner?", kind: "yes_no", choices: [], required: false },
      ],
    });
  });

  it("refuses a waiver in one language only, a question without text, a choice without choices", () => {
    expect(messages({ waiverEn: "Risk", waiverDe: "" })).toEqual({ waiverDe: "errors.waiverBothLanguages" });
    expect(messages({ "questions.0.kind": "text" })).toEqual({ "questions.0.text": "errors.questionRequired" });
    expect(messages({ "questions.0.text": "Size", "questions.0.kind": "choice", "questions.0.choices": "M" })).toEqual({
      "questions.0.choices": "errors.choicesRequired",
    });
    expect(messages({ "questions.0.text": "Size", "questions.0.kind": "colour" })).toEqual({
      "questions.0.kind": "errors.kindRequired",
    });
    expect(messages({ noiseLimitDb: "200" })).toEqual({ noiseLimitDb: "errors.noiseLimit" });
  });

  it("drops a question ticked for removal, even an empty one", () => {
    expect(parse({ "questions.0.kind": "text", "questions.0.remove": "on" }).data?.questions).toEqual([]);
  });

  it("keeps only a well-formed question id (a forged one becomes a new question)", () => {
    const id = "0b6f8a52-3f36-4a52-9d0a-8d5c2b1e7f10";
    const q = (qid: string) => parse({ "questions.0.id": qid, "questions.0.text": "Q", "questions.0.kind": "text" });
    expect(q(id).data?.questions[0]?.id).toBe(id);
    expect(q("'; drop table").data?.questions[0]?.id).toBeNull();
  });

  it("gives saved paperwork back as the form's values, which parse to the same paperwork", () => {
    const saved = {
      waiverEn: "Risk",
      waiverDe: "Risiko",
      requireLicence: false,
      requireEmergencyContact: true,
      requireExperience: true,
      noiseLimitDb: null,
      questions: [
        {
          id: "0b6f8a52-3f36-4a52-9d0a-8d5c2b1e7f10",
          text: "Size",
          kind: "choice",
          choices: ["S", "M"],
          required: true,
        },
      ],
    };
    expect(parse(paperworkToFormValues(saved)).data).toEqual(saved);
  });
});
