import { z } from "zod";
import { QUESTION_KINDS, type QuestionKind } from "../paperwork";
import { UUID_PATTERN } from "../uuid";
import { LIMITS, tooLong } from "./limits";

// The organiser's paperwork form (/organise/events/{slug}/paperwork): the waiver in both
// languages, which driver details are required, a noise limit and the event's questions, posted
// as flat fields (questions.N.text …) so that it works without JavaScript.

const QUESTION_KEYS = ["id", "text", "kind", "choices", "required", "remove"] as const;
export const MAX_QUESTIONS = 20;
const MAX_CHOICES = 20;

const waiverText = z.string().trim().max(LIMITS.waiver, tooLong(LIMITS.waiver));
const box = z
  .string()
  .optional()
  .transform((v) => v === "on");

const question = z
  .object({
    id: z
      .string()
      .optional()
      .transform((v) => (v && UUID_PATTERN.test(v) ? v : null)),
    text: z.string().trim().max(LIMITS.question, tooLong(LIMITS.question)).default(""),
    kind: z
      .string()
      .optional()
      .refine(
        (v): v is QuestionKind => !!v && (QUESTION_KINDS as readonly string[]).includes(v),
        "errors.kindRequired",
      ),
    choices: z
      .string()
      .optional()
      .transform((v) =>
        (v ?? "")
          .split(/\r?\n/)
          .map((c) => c.trim())
          .filter(Boolean),
      ),
    required: box,
    remove: box,
  })
  .superRefine((q, ctx) => {
    if (q.remove) return;
    if (!q.text) ctx.addIssue({ code: "custom", path: ["text"], message: "errors.questionRequired" });
    if (q.kind === "choice" && q.choices.length < 2)
      ctx.addIssue({ code: "custom", path: ["choices"], message: "errors.choicesRequired" });
    if (q.choices.length > MAX_CHOICES || q.choices.some((c) => c.length > LIMITS.question))
      ctx.addIssue({ code: "custom", path: ["choices"], message: "errors.choicesTooMany" });
  });

export const paperworkSchema = z
  .object({
    waiverEn: waiverText,
    waiverDe: waiverText,
    requireLicence: box,
    requireEmergencyContact: box,
    requireExperience: box,
    noiseLimitDb: z
      .string()
      .optional()
      .transform((v) => (v?.trim() ? Number(v) : null))
      .refine((v) => v === null || (Number.isInteger(v) && v >= 60 && v <= 130), "errors.noiseLimit"),
    questions: z.array(question).max(MAX_QUESTIONS),
  })
  .superRefine((p, ctx) => {
    // One language alone would leave half the drivers signing a text they may not read.
    if (!!p.waiverEn !== !!p.waiverDe)
      ctx.addIssue({
        code: "custom",
        path: [p.waiverEn ? "waiverDe" : "waiverEn"],
        message: "errors.waiverBothLanguages",
      });
  })
  .transform((p) => ({
    ...p,
    questions: p.questions
      .filter((q) => !q.remove)
      .map((q) => ({
        id: q.id,
        text: q.text,
        kind: q.kind as QuestionKind,
        choices: q.kind === "choice" ? q.choices : [],
        required: q.required,
      })),
  }));

export type PaperworkInput = z.output<typeof paperworkSchema>;

/** The posted form as the schema's input, its number of question rows and its values to show again. */
export function paperworkFormInput(entries: Iterable<[string, unknown]>) {
  const flat = new Map<string, string>();
  for (const [key, value] of entries) if (typeof value === "string") flat.set(key, value);
  const indices = [...flat.keys()].map((k) => /^questions\.(\d+)\./.exec(k)).filter(Boolean);
  const rows = Math.min(MAX_QUESTIONS + 1, Math.max(0, ...indices.map((m) => Number(m![1]) + 1)));
  const questions = Array.from({ length: rows }, (_, i) =>
    Object.fromEntries(QUESTION_KEYS.map((k) => [k, flat.get(`questions.${i}.${k}`)])),
  );
  const field = (k: string) => flat.get(k);
  return {
    input: {
      waiverEn: field("waiverEn") ?? "",
      waiverDe: field("waiverDe") ?? "",
      requireLicence: field("requireLicence"),
      requireEmergencyContact: field("requireEmergencyContact"),
      requireExperience: field("requireExperience"),
      noiseLimitDb: field("noiseLimitDb"),
      questions,
    },
    rows,
    values: Object.fromEntries(flat),
  };
}

/** Saved paperwork as the form's flat values. */
export function paperworkToFormValues(p: {
  waiverEn: string;
  waiverDe: string;
  requireLicence: boolean;
  requireEmergencyContact: boolean;
  requireExperience: boolean;
  noiseLimitDb: number | null;
  questions: { id: string; text: string; kind: string; choices: string[]; required: boolean }[];
}): Record<string, string> {
  const on = (b: boolean) => (b ? "on" : "");
  const values: Record<string, string> = {
    waiverEn: p.waiverEn,
    waiverDe: p.waiverDe,
    requireLicence: on(p.requireLicence),
    requireEmergencyContact: on(p.requireEmergencyContact),
    requireExperience: on(p.requireExperience),
    noiseLimitDb: p.noiseLimitDb?.toString() ?? "",
  };
  p.questions.forEach((q, i) =>
    Object.assign(values, {
      [`questions.${i}.id`]: q.id,
      [`questions.${i}.text`]: q.text,
      [`questions.${i}.kind`]: q.kind,
      [`questions.${i}.choices`]: q.choices.join("\n"),
      [`questions.${i}.required`]: on(q.required),
    }),
  );
  return values;
}
