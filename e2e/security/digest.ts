import type { Sql } from "../fixtures/db";
import type { Scene } from "./scene";

// "0 rows written by a refused input": a hash per table of every row that belongs to a scene (its
// people, their clubs and cars, those clubs' events and everything under them), taken before and
// after a request. Sessions, rate-limit counters and the job queue are meant to change: left out.
// Ids are gathered first so that every look-up below is one `= any(array)` on an index: the run
// takes a digest per input, over a database that grows by thousands of scenes.

export type Digest = Record<string, string>;
type Ids = { clubs: string[]; events: string[]; sessions: string[]; registrations: string[] };

async function idsOf(sql: Sql, scene: Scene, users: string[]): Promise<Ids> {
  const [ids] = await sql<Ids[]>`
    with c as (select array(select unnest(${[scene.club.id, scene.otherClub.id]}::uuid[]) union select club_id from club_members where user_id = any(${users}::text[])) as clubs),
    e as (select array(select id from events where club_id = any((select clubs from c)::uuid[])) as events)
    select (select clubs from c) as clubs, (select events from e) as events,
      array(select id from event_sessions where event_id = any((select events from e)::uuid[])) as sessions,
      array(select id from registrations where event_id = any((select events from e)::uuid[]) union select id from registrations where owner_id = any(${users}::text[])) as registrations`;
  return ids!;
}

export async function digest(sql: Sql, scene: Scene): Promise<Digest> {
  const users = Object.values(scene.people).map((p) => p.id);
  const emails = Object.values(scene.people).map((p) => p.email);
  const { clubs, events, sessions, registrations } = await idsOf(sql, scene, users);
  const h = (table: string, where: ReturnType<Sql>) =>
    sql`select ${table} as t, md5(string_agg(x::text, ',' order by x::text)) as h from ${sql(table)} x where ${where}`;
  const parts = [
    h("users", sql`id = any(${users}::text[])`),
    h("cars", sql`owner_id = any(${users}::text[])`),
    h("authenticators", sql`user_id = any(${users}::text[])`),
    h("accounts", sql`user_id = any(${users}::text[])`),
    h("sign_ins", sql`user_id = any(${users}::text[])`),
    h("verification_tokens", sql`identifier = any(${emails}::text[])`),
    h("clubs", sql`id = any(${clubs}::uuid[])`),
    h("club_members", sql`club_id = any(${clubs}::uuid[]) or user_id = any(${users}::text[])`),
    h("club_invitations", sql`club_id = any(${clubs}::uuid[])`),
    h("events", sql`id = any(${events}::uuid[])`),
    h("event_sessions", sql`id = any(${sessions}::uuid[])`),
    h("registrations", sql`id = any(${registrations}::uuid[])`),
    h("registration_sessions", sql`registration_id = any(${registrations}::uuid[])`),
    h("entry_choices", sql`registration_id = any(${registrations}::uuid[])`),
    h("checklist_ticks", sql`registration_id = any(${registrations}::uuid[])`),
    h("draws", sql`event_id = any(${events}::uuid[])`),
    h("audit_log", sql`event_id = any(${events}::uuid[])`),
    h("broadcasts", sql`event_id = any(${events}::uuid[])`),
    h("checklist_items", sql`event_id = any(${events}::uuid[])`),
    h("check_ins", sql`event_id = any(${events}::uuid[])`),
    h("parade_grids", sql`session_id = any(${sessions}::uuid[])`),
  ];
  const rows = await sql<
    { t: string; h: string | null }[]
  >`${parts.reduce((all, part) => sql`${all} union all ${part}`)}`;
  return Object.fromEntries(rows.map((r) => [r.t, r.h ?? ""]));
}

/** The tables whose rows differ between two digests (empty: nothing written). */
export function changedTables(before: Digest, after: Digest): string[] {
  return Object.keys({ ...before, ...after })
    .filter((t) => before[t] !== after[t])
    .sort();
}
