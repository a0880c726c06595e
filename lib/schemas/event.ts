import { z } from "zod";
import { catalogue } from "../car-catalogue";
import { isSlug } from "../slug";
import { parseLocalInput, zonedMoment } from "../time";
import { EXPERIENCE_LEVELS } from "../paperwork";
import { isCalendarDay, localMoment, publicName } from "./fields";
import { LIMITS, tooLong } from "./limits";

export const sessionKinds = ["paddock", "photo", "parade", "gp_track", "nordschleife", "other"] as const;
const trackKinds = new Set(["gp_track", "nordschleife"]);
// The pattern alone let "7016-79-65" through to Postgres (a 500) and "2031-02-31" roll into March.
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "errors.dateRequired")
  .refine(isCalendarDay, "errors.dateRequired");
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "errors.timeRequired");
const optionalInt = (min: number, max: number, message: string) =>
  z
    .string()
    .optional()
    .transform((v) => (v?.trim() ? Number(v) : null))
    .refine((v) => v === null || (Number.isInteger(v) && v >= min && v <= max), message);

export const sessionSchema = z.object({
  id: z
    .string()
    .optional()
    .transform((v) => v || null),
  name: publicName(2, LIMITS.sessionName, "errors.sessionNameRequired"),
  kind: z.enum(sessionKinds, { error: "errors.kindRequired" }),
  day,
  start: clock,
  end: clock,
  capacity: z
    .string()
    .trim()
    .regex(/^\d+$/, "errors.capacity")
    .transform(Number)
    .refine((n) => n >= 1 && n <= 2000, "errors.capacity"),
  noiseLimitDb: optionalInt(60, 130, "errors.noiseLimit"),
  // Run groups: who may book the session; none ticked, everyone.
  levels: z
    .array(z.enum(EXPERIENCE_LEVELS, { error: "errors.experienceRequired" }))
    .max(3)
    .default([]),
  confirmRemoval: z
    .string()
    .optional()
    .transform((v) => v === "on" || v === "1"),
  remove: z
    .string()
    .optional()
    .transform(() => false as const),
});

/** A row ticked for removal: only its id matters, so a blank row added by mistake can go too. */
const removedSessionSchema = z.object({
  id: z
    .string()
    .optional()
    .transform((v) => v || null),
  remove: z.enum(["on", "1"]).transform(() => true as const),
  confirmRemoval: z
    .string()
    .optional()
    .transform((v) => v === "on" || v === "1"),
});

/**
 * The organiser's event form. Times are typed as Europe/Berlin wall-clock times; the output holds
 * instants. Messages are catalogue keys.
 */
export const eventSchema = z
  .object({
    name: publicName(3, LIMITS.eventName, "errors.eventNameRequired"),
    slug: z
      .string()
      .trim()
      .toLowerCase()
      .optional()
      .transform((v) => v || null)
      .refine((v) => v === null || isSlug(v), "errors.slugInvalid"),
    venue: z
      .string()
      .trim()
      .max(LIMITS.venue, tooLong(LIMITS.venue))
      .optional()
      .transform((v) => v || "Nürburgring"),
    description: z
      .string()
      .trim()
      .max(LIMITS.description, tooLong(LIMITS.description))
      .optional()
      .transform((v) => v ?? ""),
    startsOn: day,
    endsOn: day,
    registrationOpensAt: localMoment,
    registrationClosesAt: localMoment,
    allocation: z.enum(["fcfs", "lottery"], { error: "errors.allocationRequired" }),
    maxSessionsPerCar: optionalInt(1, 20, "errors.maxSessions"),
    eligibleModels: z
      .array(z.string())
      .optional()
      .transform((v) => (v?.length ? v : null))
      .refine(
        (v) => v === null || v.every((code) => catalogue.some((m) => m.code === code) || code === "other"),
        "errors.modelRequired",
      ),
    rulesText: z
      .string()
      .trim()
      .max(LIMITS.rules, tooLong(LIMITS.rules))
      .optional()
      .transform((v) => v ?? ""),
    sessions: z.array(z.unknown()),
  })
  .superRefine((e, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
    if (e.endsOn < e.startsOn) issue(["endsOn"], "errors.endsBeforeStart");
    // Refinements run although a field failed its pattern: a malformed moment has its own error already.
    const opens = isMoment(e.registrationOpensAt) ? parseLocalInput(e.registrationOpensAt) : null;
    const closes = isMoment(e.registrationClosesAt) ? parseLocalInput(e.registrationClosesAt) : null;
    if (opens && closes && closes <= opens) issue(["registrationClosesAt"], "errors.closesBeforeOpens");
    let first: Date | null = null;
    let kept = 0;
    for (const [i, raw] of e.sessions.entries()) {
      const row = readRow(raw);
      if (row.removed) continue;
      kept++;
      for (const problem of row.issues) issue(["sessions", i, ...problem.path.map(String)], problem.message);
      // Cross-field checks run on whatever parts of the row are readable, so every mistake shows at once.
      const { day, start, end } = (raw ?? {}) as Record<string, unknown>;
      if (!isDay(day)) continue;
      if (day < e.startsOn || day > e.endsOn) issue(["sessions", i, "day"], "errors.sessionOutsideEvent");
      if (!isClock(start) || !isClock(end)) continue;
      const startsAt = zonedMoment(day, start);
      if (zonedMoment(day, end) <= startsAt) issue(["sessions", i, "end"], "errors.sessionEndBeforeStart");
      if (row.data && row.data.noiseLimitDb !== null && !trackKinds.has(row.data.kind))
        issue(["sessions", i, "noiseLimitDb"], "errors.noiseOnlyTrack");
      if (!first || startsAt < first) first = startsAt;
    }
    if (kept === 0) issue(["sessions"], "errors.sessionsRequired");
    const eventStart = first ?? zonedMoment(e.startsOn, "00:00");
    if (closes && closes > eventStart) issue(["registrationClosesAt"], "errors.closesAfterStart");
  })
  .transform((e) => ({
    ...e,
    registrationOpensAt: parseLocalInput(e.registrationOpensAt),
    registrationClosesAt: parseLocalInput(e.registrationClosesAt),
    sessions: e.sessions.map((raw) => {
      const row = readRow(raw);
      if (row.removed) return { id: row.id, remove: true as const, confirmRemoval: row.confirmRemoval };
      const s = row.data!;
      return {
        id: s.id,
        name: s.name,
        kind: s.kind,
        startsAt: zonedMoment(s.day, s.start),
        endsAt: zonedMoment(s.day, s.end),
        capacity: s.capacity,
        noiseLimitDb: s.noiseLimitDb,
        experienceLevels: [...new Set(s.levels)],
        remove: false as const,
        confirmRemoval: false,
      };
    }),
  }));

const isDay = (v: unknown): v is string => typeof v === "string" && day.safeParse(v).success;
const isClock = (v: unknown): v is string => typeof v === "string" && clock.safeParse(v).success;
const isMoment = (v: unknown): v is string => typeof v === "string" && localMoment.safeParse(v).success;

/**
 * A row ticked for removal is read by the lenient schema (only its id matters, so a blank row
 * added by mistake can go too); any other row by the full one.
 */
function readRow(raw: unknown) {
  const removal = removedSessionSchema.safeParse(raw);
  if (removal.success) return { removed: true as const, ...removal.data };
  const parsed = sessionSchema.safeParse(raw);
  return {
    removed: false as const,
    data: parsed.success ? parsed.data : null,
    issues: parsed.success ? [] : parsed.error.issues,
  };
}

export type EventInput = z.output<typeof eventSchema>;
export type SessionInput = EventInput["sessions"][number];
export type KeptSession = Extract<SessionInput, { remove: false }>;
