import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { carModelName } from "@/lib/car-catalogue";
import type { PlaceStatus, RosterQuery, RosterStatus } from "@/lib/roster/query";
import { rosterSearch } from "@/lib/roster/search";
import { formatClock } from "@/lib/time";
import { mayDo } from "../access";
import { carFacts, carFactsSql, type RawCarFacts } from "../car-facts";
import { db } from "../client";
import { eventPaperworkStatuses } from "../paperwork/status";
import type { PaperworkStatus } from "@/lib/paperwork";
import { sqlRows } from "../query";
import { events } from "../schema";
import { driverSql, filtersSql, nameMatches, orderSql, paintSql, statusSql } from "./query-sql";

declare const readable: unique symbol;
/**
 * An event whose roster the user may read, with what else the user may do there. Branded: only
 * getRosterEvent makes one, so functions taking it need not authorise again.
 */
export type RosterEvent = {
  id: string;
  slug: string;
  name: string;
  status: string;
  startsOn: string;
  canChange: boolean;
  canExport: boolean;
  /** The owner's e-mail, the car's VIN and the second driver are read (and searched) only when true. */
  canReadDetails: boolean;
} & { readonly [readable]: true };

export type RosterPlace = { sessionId: string; name: string; status: PlaceStatus; position: number | null };
/** One registered car as the roster shows it; plain JSON (the live table fetches it). */
export type RosterRow = {
  id: string;
  plaque: number | null;
  /** Null once the owner deleted their account: the page says "Deleted account". */
  driver: string | null;
  email: string | null;
  car: string;
  colour: string;
  swatch: string;
  plate: string | null;
  plateCountry: string | null;
  places: RosterPlace[];
  status: RosterStatus;
  /** HH:MM in Europe/Berlin, or null. */
  checkedIn: string | null;
  checkedInAt: string | null;
  /** The car's stationary noise in dB when it is over the event's limit; else null. */
  noiseOver: number | null;
  /** Null when the event asks for no paperwork; else whether it is complete and how much is missing. */
  paperwork: { complete: boolean; missing: number } | null;
};
export type SessionCount = {
  id: string;
  name: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  confirmed: number;
  waiting: number;
  /** Places held for a waiting car by an open offer (db/registrations/offers.ts): taken, not confirmed. */
  offered: number;
};
export type RosterFacets = {
  sessions: SessionCount[];
  colours: string[];
  models: { code: string; name: string }[];
  active: number;
  checkedIn: number;
};
export type RosterPage = { rows: RosterRow[]; total: number; page: number; pageSize: number; pages: number };
export type RosterData = RosterPage & RosterFacets & { updatedAt: string };

/** What a RosterEvent holds of the event itself, besides what the user may do there. */
export const rosterEventColumns = {
  id: events.id,
  slug: events.slug,
  name: events.name,
  status: events.status,
  startsOn: events.startsOn,
};

/** The event, or null when the user may not read its roster (not found and not allowed look alike). */
export async function getRosterEvent(userId: string, slug: string): Promise<RosterEvent | null> {
  const [row] = await db()
    .select({
      ...rosterEventColumns,
      canChange: sql<boolean>`${mayDo(userId, "changeRoster", events.clubId)}`,
      canExport: sql<boolean>`${mayDo(userId, "exportRoster", events.clubId)}`,
      canReadDetails: sql<boolean>`${mayDo(userId, "readOwnerDetails", events.clubId)}`,
    })
    .from(events)
    .where(and(eq(events.slug, slug), mayDo(userId, "readRoster", events.clubId)));
  return row ? (row as RosterEvent) : null;
}

type RawRow = RawCarFacts & {
  id: string;
  plaque: number | null;
  driver: string;
  deleted: boolean;
  email: string | null;
  status: RosterStatus;
  checked_in_at: string | null;
  places: RosterPlace[];
  noise_over: number | null;
};

/**
 * One page of the roster in one statement: the matching ids are numbered in the chosen order,
 * and only the page's rows are joined to their places (with each waiting place's position).
 */
export async function rosterPage(event: RosterEvent, query: RosterQuery, registrationId?: string): Promise<RosterPage> {
  const offset = (query.page - 1) * query.pageSize;
  const [named, paperwork] = await Promise.all([
    nameMatches(event, rosterSearch(query.q)),
    eventPaperworkStatuses(db(), event),
  ]);
  const paperworkComplete = [...paperwork].filter(([, s]) => s.complete).map(([id]) => id);
  const [result] = await sqlRows<{ total: number; rows: RawRow[] }>(
    db(),
    sql`
    with matched as (
      select r.id, row_number() over (order by ${orderSql(event, query)}) as n
      from registrations r left join users u on u.id = r.owner_id left join cars c on c.id = r.car_id
      where ${filtersSql(event, query, { named, paperworkComplete }, registrationId)}
    )
    select (select count(*) from matched)::int as total, coalesce((
      select json_agg(row_to_json(p) order by p.n) from (
        select m.n, r.id, r.plaque, ${driverSql(event)} as driver, r.owner_id is null as deleted, ${event.canReadDetails ? sql`u.email` : sql`null::text`} as email, ${carFactsSql},
          ${statusSql} as status, r.checked_in_at,
          case when c.noise_db > (select p.noise_limit_db from event_paperwork p where p.event_id = r.event_id)
            then c.noise_db end as noise_over,
          coalesce((
            select json_agg(json_build_object('sessionId', es.id, 'name', es.name, 'status', rs.status, 'position',
              case when rs.status = 'waiting' then (select count(*) from registration_sessions w
                where w.session_id = rs.session_id and w.status = 'waiting' and w.wait_seq <= rs.wait_seq) end) order by es.starts_at, es.name)
            from registration_sessions rs join event_sessions es on es.id = rs.session_id where rs.registration_id = r.id
          ), '[]') as places
        from matched m join registrations r on r.id = m.id left join users u on u.id = r.owner_id left join cars c on c.id = r.car_id
        where m.n > ${offset} and m.n <= ${offset + query.pageSize}
      ) p), '[]') as rows`,
  );
  const total = result?.total ?? 0;
  return {
    rows: (result?.rows ?? []).map((r) => toRow(r, paperwork.get(r.id))),
    total,
    page: query.page,
    pageSize: query.pageSize,
    pages: Math.max(1, Math.ceil(total / query.pageSize)),
  };
}

function toRow(r: RawRow, paperwork: PaperworkStatus | undefined): RosterRow {
  const checkedInAt = r.checked_in_at ? new Date(r.checked_in_at) : null;
  return {
    id: r.id,
    plaque: r.plaque,
    driver: r.deleted ? null : r.driver,
    email: r.email,
    ...carFacts(r),
    places: r.places.map((p) => ({ ...p, position: p.position === null ? null : Number(p.position) })),
    status: r.status,
    checkedIn: checkedInAt ? formatClock(checkedInAt) : null,
    checkedInAt: checkedInAt?.toISOString() ?? null,
    noiseOver: r.noise_over,
    paperwork: paperwork?.steps.length ? { complete: paperwork.complete, missing: paperwork.missing.length } : null,
  };
}

type RawFacets = {
  sessions: SessionCount[];
  colours: string[];
  models: { model: string; make: string; modelName: string | null }[];
  active: number;
  checkedIn: number;
};

/** Per-session counts (confirmed / capacity / waiting / offered) and the filter choices, in one statement. */
export async function rosterFacets(event: RosterEvent): Promise<RosterFacets> {
  const eventId = event.id;
  const [row] = await sqlRows<RawFacets>(
    db(),
    sql`
    select
      coalesce((select json_agg(s order by s."startsAt", s.name) from (
        select es.id, es.name, es.starts_at as "startsAt", es.ends_at as "endsAt", es.capacity,
          (count(rs.session_id) filter (where rs.status = 'confirmed'))::int as confirmed,
          (count(rs.session_id) filter (where rs.status = 'waiting'))::int as waiting,
          (select count(*) from place_offers o where o.session_id = es.id and o.status = 'open')::int as offered
        from event_sessions es left join registration_sessions rs on rs.session_id = es.id
        where es.event_id = ${eventId} group by es.id) s), '[]') as sessions,
      coalesce((select json_agg(distinct ${paintSql}) from registrations r join cars c on c.id = r.car_id where r.event_id = ${eventId}), '[]') as colours,
      coalesce((select json_agg(distinct jsonb_build_object('model', c.model, 'make', c.make, 'modelName', c.model_name))
        from registrations r join cars c on c.id = r.car_id where r.event_id = ${eventId}), '[]') as models,
      (select count(*) from registrations r where r.event_id = ${eventId} and r.status = 'active')::int as active,
      (select count(*) from registrations r where r.event_id = ${eventId} and r.status = 'active' and r.checked_in_at is not null)::int as "checkedIn"`,
  );
  const models = new Map((row?.models ?? []).map((m) => [m.model, carModelName(m)]));
  return {
    sessions: (row?.sessions ?? []).map((s) => ({
      ...s,
      startsAt: new Date(s.startsAt).toISOString(),
      endsAt: new Date(s.endsAt).toISOString(),
    })),
    colours: (row?.colours ?? []).sort((a, b) => a.localeCompare(b)),
    models: [...models].map(([code, name]) => ({ code, name })).sort((a, b) => a.name.localeCompare(b.name)),
    active: row?.active ?? 0,
    checkedIn: row?.checkedIn ?? 0,
  };
}

/** The roster page and its counts for an event the caller has already authorised. */
export async function readRoster(event: RosterEvent, query: RosterQuery): Promise<RosterData> {
  const [page, facets] = await Promise.all([rosterPage(event, query), rosterFacets(event)]);
  return { ...page, ...facets, updatedAt: new Date().toISOString() };
}

/** The roster for the user, or null when they may not read it. */
export async function getRoster(
  userId: string,
  slug: string,
  query: RosterQuery,
): Promise<{ event: RosterEvent; data: RosterData } | null> {
  const event = await getRosterEvent(userId, slug);
  return event ? { event, data: await readRoster(event, query) } : null;
}
