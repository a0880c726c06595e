import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { RosterQuery, RosterSort } from "@/lib/roster/query";
import { namesMatch, rosterSearch, type RosterSearch } from "@/lib/roster/search";
import { db } from "../client";
import { idList, sqlRows } from "../query";
import type { RosterEvent } from "./reads";

// The roster's SQL pieces: its computed columns, search, filters and order. What a viewer may not
// read stays out of the WHERE clause as well as out of the columns (searchSql).

/** The Driver column; only a viewer who may read the e-mail sees it in place of a missing name. */
export const driverSql = (event: RosterEvent) =>
  event.canReadDetails
    ? sql`coalesce(nullif(u.full_name, ''), nullif(u.display_name, ''), u.email, '')`
    : sql`coalesce(nullif(u.full_name, ''), nullif(u.display_name, ''), '')`;
export const paintSql = sql`case when c.colour = 'BMW Individual' and nullif(c.individual_colour, '') is not null then c.individual_colour else c.colour end`;
/** The Status column, as lib/roster/query.ts rosterStatus words it. */
export const statusSql = sql`case
  when r.status = 'cancelled' then 'cancelled'
  when exists (select 1 from registration_sessions x where x.registration_id = r.id and x.status = 'confirmed') then 'confirmed'
  when exists (select 1 from registration_sessions x where x.registration_id = r.id) then 'waiting'
  else 'cancelled' end`;

export const sortKeys = (event: RosterEvent): Record<RosterSort, SQL> => ({
  plaque: sql`r.plaque`,
  driver: sql`lower(${driverSql(event)})`,
  car: sql`c.model`,
  colour: sql`lower(${paintSql})`,
  plate: sql`upper(c.plate)`,
  status: sql`array_position(array['confirmed', 'waiting', 'cancelled'], ${statusSql})`,
  checkedIn: sql`r.checked_in_at`,
  registered: sql`r.created_at`,
});

const likeEscaped = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);

/**
 * The registrations whose names match (lib/roster/search.ts): folded in JavaScript as at the
 * gate, so accents and German spellings match alike; an event holds at most a few thousand.
 * With `canReadDetails` the second driver's name counts too.
 */
export async function nameMatches(event: RosterEvent, search: RosterSearch | null): Promise<string[]> {
  if (!search?.words.length) return [];
  const rows = await sqlRows<{
    id: string;
    full_name: string | null;
    display_name: string | null;
    second: string | null;
  }>(
    db(),
    sql`
    select r.id, u.full_name, u.display_name, ${event.canReadDetails ? sql`r.second_driver_name` : sql`null::text`} as second
    from registrations r left join users u on u.id = r.owner_id where r.event_id = ${event.id}`,
  );
  return rows.filter((r) => namesMatch(search.words, r.full_name, r.display_name, r.second)).map((r) => r.id);
}

/**
 * Search: name, plate (spaces and dashes ignored) or plaque number; with `canReadDetails` also
 * e-mail and VIN. Without it those stay out of the WHERE clause too: a search that found a car
 * by its VIN would tell gate staff the VIN.
 */
export function searchSql(event: RosterEvent, search: RosterSearch | null, named: string[]): SQL | null {
  if (!search) return null;
  const parts: SQL[] = [];
  if (named.length) parts.push(sql`r.id in (${idList(named)})`);
  if (search.plaque !== null) parts.push(sql`r.plaque = ${search.plaque}`);
  if (search.plate)
    parts.push(sql`regexp_replace(upper(c.plate), '[^[:alnum:]]', '', 'g') like ${`%${likeEscaped(search.plate)}%`}`);
  if (event.canReadDetails && search.email) parts.push(sql`u.email ilike ${`%${likeEscaped(search.email)}%`}`);
  if (event.canReadDetails && search.vin) parts.push(sql`upper(c.vin) like ${`%${likeEscaped(search.vin)}%`}`);
  return parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`;
}

/**
 * The filters. With a session chosen, "confirmed" and "waiting" mean the car's place in that
 * session (who waits for GP 1?); without one they mean the Status column.
 */
export function filtersSql(
  event: RosterEvent,
  query: RosterQuery,
  ids: { named: string[]; paperworkComplete: string[] },
  registrationId?: string,
): SQL {
  const named = ids.named;
  const where: SQL[] = [sql`r.event_id = ${event.id}`];
  if (registrationId) where.push(sql`r.id = ${registrationId}`);
  const search = searchSql(event, rosterSearch(query.q), named);
  if (search) where.push(search);
  const placeStatus = query.session && query.status !== "cancelled" ? query.status : null;
  if (query.session) {
    where.push(sql`exists (select 1 from registration_sessions s where s.registration_id = r.id and s.session_id = ${query.session}
      ${placeStatus ? sql`and s.status = ${placeStatus}` : sql``})`);
  }
  if (query.status && !placeStatus) where.push(sql`${statusSql} = ${query.status}`);
  if (query.checkedIn)
    where.push(query.checkedIn === "yes" ? sql`r.checked_in_at is not null` : sql`r.checked_in_at is null`);
  if (query.colour) where.push(sql`${paintSql} = ${query.colour}`);
  if (query.model) where.push(sql`c.model = ${query.model}`);
  // Paperwork is judged in lib/paperwork.ts, not in SQL: the ids it found complete come in here.
  const complete = sql`r.id = any(${`{${ids.paperworkComplete.join(",")}}`}::uuid[])`;
  if (query.paperwork) where.push(query.paperwork === "complete" ? complete : sql`not ${complete}`);
  return sql.join(where, sql` and `);
}

export function orderSql(event: RosterEvent, query: RosterQuery): SQL {
  const dir = query.dir === "desc" ? sql`desc` : sql`asc`;
  return sql`${sortKeys(event)[query.sort]} ${dir} nulls last, r.plaque asc nulls last, r.created_at asc, r.id asc`;
}
