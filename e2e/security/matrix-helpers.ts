import { randomUUID } from "node:crypto";
import type { Sql } from "../fixtures/db";
import type { Actor } from "./actors";
import type { Cells } from "./expect";
import type { Scene } from "./scene";

// What the rows of the authorisation matrix for server actions are made of (matrix-actions.ts).

export type Ctx = { sql: Sql; s: Scene; actor: Actor };
export type Prepared = Record<string, string>;
export type ActionRow = {
  action: string;
  args: (s: Scene, prepared: Prepared) => unknown[];
  effect: (c: Ctx) => Promise<boolean>;
  expect: Cells;
  /** Runs before the call (calling other actions as the scene's admin); what it returns goes to `args`. */
  prepare?: (c: Ctx & { run: (action: string, args: unknown[]) => Promise<void> }) => Promise<Prepared>;
  /**
   * The ids a refused caller must not learn exist (default: every id and slug of the scene): the
   * call with these made up must get the same answer. Null: the answer may differ, see the note.
   */
  secret?: ((s: Scene) => string[]) | null;
  note?: string;
};

/** A FormData from fields; an array is a repeated field, as a form sends ticked boxes. */
export function f(fields: Record<string, string | string[]>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) form.append(name, v);
  return form;
}

/** The state a form starts with (useActionState's initial value), sent before the form. */
export const PREV = { ok: true };
export const one = async (c: Ctx, query: Promise<{ n: number }[]>) => ((await query)[0]?.n ?? 0) > 0;
export const me = (c: Ctx) => (c.actor === "anonymous" ? null : c.s.people[c.actor].id);
export const ref = (s: Scene) => ({ id: s.registration, slug: s.event.slug });
export const gridRef = (s: Scene) => ({ slug: s.event.slug, sessionId: s.event.sessions[0]! });
export const vin = () =>
  `WBSUR9C5${randomUUID()
    .replace(/[^0-9a-h]/g, "")
    .slice(0, 9)
    .toUpperCase()}`;
export const carForm = (nickname: string) =>
  f({
    model: "bmw-1m-e82",
    year: "2011",
    colour: "Alpine White",
    vin: vin(),
    plate: "AB-C 123",
    plateCountry: "DE",
    nickname,
  });
export const eventForm = (s: Scene, name: string) => {
  const day = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
  return f({
    name,
    startsOn: day,
    endsOn: day,
    registrationOpensAt: "2020-01-01T09:00",
    registrationClosesAt: `${new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10)}T09:00`,
    allocation: "fcfs",
    "sessions.0.id": s.event.sessions[0]!,
    "sessions.0.name": "Session 1",
    "sessions.0.kind": "paddock",
    "sessions.0.day": day,
    "sessions.0.start": "09:00",
    "sessions.0.end": "10:00",
    "sessions.0.capacity": "10",
    "sessions.1.id": s.event.sessions[1]!,
    "sessions.1.name": "Session 2",
    "sessions.1.kind": "paddock",
    "sessions.1.day": day,
    "sessions.1.start": "11:00",
    "sessions.1.end": "12:00",
    "sessions.1.capacity": "1",
    "sessions.2.id": s.event.sessions[2]!,
    "sessions.2.name": "Session 3",
    "sessions.2.kind": "paddock",
    "sessions.2.day": day,
    "sessions.2.start": "13:00",
    "sessions.2.end": "14:00",
    "sessions.2.capacity": "10",
  });
};
