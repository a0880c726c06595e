import type { EventSession } from "@/db/schema";
import { fieldErrorKeys } from "@/lib/form-result";
import { eventSchema, type KeptSession, type SessionInput } from "@/lib/schemas/event";

export type SessionForm = Record<string, string | undefined>;
export type EventForm = Record<string, string | string[] | SessionForm[] | undefined> & { sessions: SessionForm[] };

/** One programme row as the editor sends it (every value a string): a paddock on 14 June 2031. */
export function sessionForm(overrides: SessionForm = {}): SessionForm {
  return {
    id: "",
    name: "Paddock",
    kind: "paddock",
    day: "2031-06-14",
    start: "09:00",
    end: "12:00",
    capacity: "30",
    noiseLimitDb: "",
    ...overrides,
  };
}

/** A valid event form (the shape eventSchema parses): 14–15 June 2031, registration closing a week before. */
export function eventForm(overrides: Partial<EventForm> = {}): EventForm {
  return {
    name: "1M Meet",
    slug: "",
    venue: "",
    description: "",
    startsOn: "2031-06-14",
    endsOn: "2031-06-15",
    registrationOpensAt: "2031-04-01T10:00",
    registrationClosesAt: "2031-06-07T00:00",
    allocation: "fcfs",
    maxSessionsPerCar: "",
    rulesText: "",
    eligibleModels: [],
    sessions: [
      sessionForm(),
      sessionForm({
        name: "GP track",
        kind: "gp_track",
        day: "2031-06-15",
        start: "10:00",
        end: "11:00",
        capacity: "20",
        noiseLimitDb: "98",
      }),
    ],
    ...overrides,
  };
}

/** The parsed input db/organiser-events.ts takes. */
export const eventInput = (overrides: Partial<EventForm> = {}) => eventSchema.parse(eventForm(overrides));

/** The form as the browser posts it: `sessions.0.name` keys, one `eligibleModels` entry per ticked box. */
export function formEntries(form: EventForm): [string, string][] {
  const entries: [string, string][] = [];
  for (const [key, value] of Object.entries(form)) {
    if (key === "sessions") continue;
    if (Array.isArray(value)) for (const v of value) entries.push([key, v as string]);
    else if (typeof value === "string") entries.push([key, value]);
  }
  form.sessions.forEach((s, i) => {
    for (const [key, value] of Object.entries(s))
      if (value !== undefined) entries.push([`sessions.${i}.${key}`, value]);
  });
  return entries;
}

/** The editor's form for a saved event (its two default rows carrying their ids), with changes. */
export function edited(saved: { sessions: EventSession[] }, rows: SessionForm[] = [], extra: Partial<EventForm> = {}) {
  const sessions = eventForm().sessions.map((row, i) => ({ ...row, id: saved.sessions[i]!.id, ...rows[i] }));
  return eventInput({ sessions: [...sessions, ...rows.slice(sessions.length)], ...extra });
}

/** The field errors the editor would show for this form (none when it parses). */
export function eventFormErrors(form: EventForm): Record<string, string> {
  const result = eventSchema.safeParse(form);
  return result.success ? {} : fieldErrorKeys(result.error.issues);
}

/** The parsed rows that stay (not ticked for removal). */
export const keptSessions = (sessions: SessionInput[]) => sessions.filter((s): s is KeptSession => !s.remove);

/** A valid event form with these programme rows. */
export const eventWithSessions = (...sessions: SessionForm[]) => eventForm({ sessions });
