// Meet-day paperwork as the owner, the gate and the roster see it: what an event asks of the
// people in a car, and what of it is still to do. Pure: db/paperwork reads the facts.

export const EXPERIENCE_LEVELS = ["first_time", "track_days", "nordschleife"] as const;
export type ExperienceLevel = (typeof EXPERIENCE_LEVELS)[number];
export const isExperienceLevel = (v: string): v is ExperienceLevel =>
  (EXPERIENCE_LEVELS as readonly string[]).includes(v);

export const QUESTION_KINDS = ["text", "choice", "yes_no", "number"] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** A driver's details as a registration copied them from the profile. */
export type DriverDetails = {
  licenceNumber?: string | null;
  licenceCountry?: string | null;
  licenceValidUntil?: string | null;
  emergencyName?: string | null;
  emergencyPhone?: string | null;
  experience?: ExperienceLevel | null;
};

/** The copy a registration keeps of a profile's driver details. */
export function driverDetailsOf(p: DriverDetails): DriverDetails {
  return {
    licenceNumber: p.licenceNumber ?? null,
    licenceCountry: p.licenceCountry ?? null,
    licenceValidUntil: p.licenceValidUntil ?? null,
    emergencyName: p.emergencyName ?? null,
    emergencyPhone: p.emergencyPhone ?? null,
    experience: p.experience ?? null,
  };
}

export type Requirements = {
  requireLicence: boolean;
  requireEmergencyContact: boolean;
  requireExperience: boolean;
  /** The waiver's version in force; null when the event has no waiver. */
  waiverVersion: number | null;
};

export type PaperworkFacts = {
  details: DriverDetails | null;
  /** Required questions of the event, and those this registration answered. */
  requiredQuestions: string[];
  answered: string[];
  /** Waiver versions signed by the driver and by the second driver. */
  driverSigned: number[];
  secondDriver: boolean;
  secondDriverSigned: number[];
  /** The first day of the event (YYYY-MM-DD), by which a licence must still be valid. */
  eventStartsOn: string;
};

export type PaperworkStep = "details" | "questions" | "waiver" | "secondDriverWaiver";
export type PaperworkStatus = { steps: PaperworkStep[]; missing: PaperworkStep[]; complete: boolean };

const filled = (v: string | null | undefined) => typeof v === "string" && v.trim().length > 0;

/** Whether the driver's copied details hold what the event requires (a licence valid on its first day). */
export function detailsComplete(req: Requirements, d: DriverDetails | null, eventStartsOn: string): boolean {
  if (req.requireLicence) {
    if (!filled(d?.licenceNumber) || !filled(d?.licenceCountry) || !filled(d?.licenceValidUntil)) return false;
    if (d!.licenceValidUntil! < eventStartsOn) return false;
  }
  if (req.requireEmergencyContact && (!filled(d?.emergencyName) || !filled(d?.emergencyPhone))) return false;
  if (req.requireExperience && !d?.experience) return false;
  return true;
}

/**
 * The steps this event asks of this car, and which are still to do. A waiver signed in an older
 * version counts as not signed: the text changed, so the person signs again.
 */
export function paperworkStatus(req: Requirements, facts: PaperworkFacts): PaperworkStatus {
  const steps: PaperworkStep[] = [];
  const missing: PaperworkStep[] = [];
  const step = (name: PaperworkStep, done: boolean) => {
    steps.push(name);
    if (!done) missing.push(name);
  };
  if (req.requireLicence || req.requireEmergencyContact || req.requireExperience)
    step("details", detailsComplete(req, facts.details, facts.eventStartsOn));
  if (facts.requiredQuestions.length > 0)
    step(
      "questions",
      facts.requiredQuestions.every((q) => facts.answered.includes(q)),
    );
  if (req.waiverVersion !== null) {
    step("waiver", facts.driverSigned.includes(req.waiverVersion));
    if (facts.secondDriver) step("secondDriverWaiver", facts.secondDriverSigned.includes(req.waiverVersion));
  }
  return { steps, missing, complete: missing.length === 0 };
}

/** Whether a driver of this experience may book a session limited to `levels` (none: everyone). */
export function mayBookSession(levels: readonly string[], experience: ExperienceLevel | null | undefined): boolean {
  return levels.length === 0 || (!!experience && levels.includes(experience));
}

/** Whether a car's stationary noise is over the limit; unknown noise is not over (the gate measures). */
export function overNoiseLimit(noiseDb: number | null | undefined, limitDb: number | null | undefined): boolean {
  return noiseDb != null && limitDb != null && noiseDb > limitDb;
}

/** One of the event's own questions, as the register form asks it. */
export type Question = { id: string; text: string; kind: QuestionKind; choices: string[]; required: boolean };
export type Answer = { questionId: string; value: string };

/**
 * The answers as they are stored: only to the event's questions, trimmed, empty ones left out.
 * The first that breaks its question's rule is refused beside its field (`answers.<id>`).
 */
export function checkAnswers(
  questions: readonly Question[],
  given: Readonly<Record<string, string>>,
): { ok: true; answers: Answer[] } | { ok: false; field: string; error: string } {
  const answers: Answer[] = [];
  for (const q of questions) {
    const value = (given[q.id] ?? "").trim();
    const field = `answers.${q.id}`;
    if (!value) {
      if (q.required) return { ok: false, field, error: "errors.answerRequired" };
      continue;
    }
    if (q.kind === "number" && !/^-?\d+([.,]\d+)?$/.test(value))
      return { ok: false, field, error: "errors.answerNumber" };
    if (q.kind === "yes_no" && value !== "yes" && value !== "no")
      return { ok: false, field, error: "errors.answerChoice" };
    if (q.kind === "choice" && !q.choices.includes(value)) return { ok: false, field, error: "errors.answerChoice" };
    answers.push({ questionId: q.id, value });
  }
  return { ok: true, answers };
}
