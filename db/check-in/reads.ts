import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { env } from "@/env";
import { gateOpensAt } from "@/lib/check-in/scan-time";
import { searchKeyOf } from "@/lib/check-in/search";
import type { CheckInCar, CheckInCopy, CheckInCounts, CheckInState, PlaceStatus } from "@/lib/check-in/types";
import { eventTicketKey } from "@/lib/ticket";
import { mayDo } from "../access";
import { carFacts, carFactsSql, type RawCarFacts } from "../car-facts";
import { db } from "../client";
import { eventPaperworkStatuses } from "../paperwork/status";
import type { DriverDetails, PaperworkStatus } from "@/lib/paperwork";
import { dayKey } from "@/lib/time";
import { sqlRows, type Tx } from "../query";
import { events } from "../schema";

declare const gate: unique symbol;
/**
 * An event whose gate the user may work (gate staff, organisers and admins of its club). Branded:
 * only getGateEvent makes one, so the functions taking it need not authorise again.
 */
export type GateEvent = {
  id: string;
  slug: string;
  name: string;
  status: string;
  opensAt: Date;
  startsOn: string;
  endsOn: string;
  mayOverride: boolean;
} & {
  readonly [gate]: true;
};

/** The event, or null when the user may not check cars in there (not found and not allowed look alike). */
export async function getGateEvent(
  userId: string,
  slug: string,
  tx: Tx | ReturnType<typeof db> = db(),
): Promise<GateEvent | null> {
  const [row] = await tx
    .select({
      id: events.id,
      slug: events.slug,
      name: events.name,
      status: events.status,
      startsOn: events.startsOn,
      endsOn: events.endsOn,
      timeZone: events.timeZone,
      mayOverride: sql<boolean>`${mayDo(userId, "changeRoster", events.clubId)}`,
    })
    .from(events)
    .where(and(eq(events.slug, slug), mayDo(userId, "checkIn", events.clubId)));
  if (!row) return null;
  const { timeZone, ...event } = row;
  return { ...event, opensAt: gateOpensAt(row.startsOn, timeZone) } as GateEvent;
}

/** Who a person is on the gate screen: their display name, never their e-mail. */
export const personSql = (alias: string) =>
  sql.raw(`coalesce(nullif(${alias}.display_name, ''), nullif(${alias}.full_name, ''), nullif(${alias}.name, ''))`);

type RawCar = RawCarFacts & {
  id: string;
  plaque: number | null;
  driver: string | null;
  full_name: string | null;
  display_name: string | null;
  cancelled: boolean;
  checked_in_at: string | null;
  checked_in_by: string | null;
  places: { sessionId: string; status: PlaceStatus }[];
  driver_details: DriverDetails | null;
};

function toCar(r: RawCar, paperwork: PaperworkStatus | undefined, over: boolean): CheckInCar {
  const d = r.driver_details;
  return {
    registrationId: r.id,
    plaque: r.plaque,
    driver: r.driver ?? "",
    searchKey: searchKeyOf(r.full_name, r.display_name, r.driver),
    ...carFacts(r),
    places: r.places,
    cancelled: r.cancelled,
    checkedInAt: r.checked_in_at ? new Date(r.checked_in_at).toISOString() : null,
    checkedInBy: r.checked_in_by,
    paperwork: paperwork?.steps.length ? { complete: paperwork.complete, missing: paperwork.missing } : null,
    emergency:
      r.checked_in_at && !over && d?.emergencyName && d.emergencyPhone
        ? { name: d.emergencyName, phone: d.emergencyPhone }
        : null,
  };
}

/** Every registration of the event (cancelled ones too, so their tickets are answered "cancelled"). */
async function listCars(event: GateEvent): Promise<CheckInCar[]> {
  const eventId = event.id;
  const rowsRead = sqlRows<RawCar>(
    db(),
    sql`
    select r.id, r.plaque, ${personSql("u")} as driver, u.full_name, u.display_name, ${carFactsSql},
      r.status = 'cancelled' as cancelled, r.checked_in_at, r.driver_details, ${personSql("g")} as checked_in_by,
      coalesce((select json_agg(json_build_object('sessionId', rs.session_id, 'status', rs.status) order by es.starts_at, es.name)
        from registration_sessions rs join event_sessions es on es.id = rs.session_id where rs.registration_id = r.id), '[]') as places
    from registrations r left join users u on u.id = r.owner_id left join cars c on c.id = r.car_id left join users g on g.id = r.checked_in_by
    where r.event_id = ${eventId}
    order by r.plaque asc nulls last, r.created_at asc`,
  );
  const [rows, paperwork] = await Promise.all([rowsRead, eventPaperworkStatuses(db(), event)]);
  // Emergency contacts are for the day itself: after the event's last day no copy carries them.
  const over = dayKey(new Date()) > event.endsOn;
  return rows.map((r) => toCar(r, paperwork.get(r.id), over));
}

/** The copy a gate phone keeps for working offline: the list, the sessions, the checklist and the ticket key. */
export async function getCheckInCopy(event: GateEvent): Promise<CheckInCopy> {
  // Read before the list, so a check-in committed meanwhile is still "since" this copy.
  const fetchedAt = new Date().toISOString();
  const [cars, sessions, checklist] = await Promise.all([
    listCars(event),
    sqlRows<CheckInCopy["sessions"][number]>(
      db(),
      sql`select id, name from event_sessions where event_id = ${event.id} order by starts_at, name`,
    ),
    sqlRows<CheckInCopy["checklist"][number]>(
      db(),
      sql`select id, label, required from checklist_items where event_id = ${event.id} order by position, label`,
    ),
  ]);
  return {
    event: { id: event.id, slug: event.slug, name: event.name, endsOn: event.endsOn },
    mayOverride: event.mayOverride,
    ticketKey: eventTicketKey(env().authSecret, event.id),
    sessions,
    checklist,
    cars,
    fetchedAt,
  };
}

/** "Checked in: X of Y" overall and per session; Y = active cars with at least one confirmed place. */
export async function getCheckInCounts(event: GateEvent): Promise<CheckInCounts> {
  const [row] = await sqlRows<
    CheckInCounts & { sessions: (CheckInCounts["sessions"][number] & { starts_at?: string })[] }
  >(
    db(),
    sql`
    with expected as (
      select r.id, r.checked_in_at from registrations r
      where r.event_id = ${event.id} and r.status = 'active'
        and exists (select 1 from registration_sessions x where x.registration_id = r.id and x.status = 'confirmed'))
    select (select count(*) from expected)::int as total,
      (select count(*) from expected where checked_in_at is not null)::int as "checkedIn",
      coalesce((select json_agg(s order by s.starts_at, s.name) from (
        select es.id, es.name, es.starts_at, count(e.id)::int as total, count(e.checked_in_at)::int as "checkedIn"
        from event_sessions es
        left join registration_sessions rs on rs.session_id = es.id and rs.status = 'confirmed'
        left join expected e on e.id = rs.registration_id
        where es.event_id = ${event.id} group by es.id) s), '[]') as sessions`,
  );
  return {
    total: row?.total ?? 0,
    checkedIn: row?.checkedIn ?? 0,
    sessions: (row?.sessions ?? []).map(({ id, name, total, checkedIn }) => ({ id, name, total, checkedIn })),
  };
}

/** The current check-in of every car some phone sent a check-in for after `since` (the live poll's delta). */
export async function getCheckInChanges(event: GateEvent, since: Date): Promise<CheckInState[]> {
  const rows = await sqlRows<{ id: string; checked_in_at: string | null; checked_in_by: string | null }>(
    db(),
    sql`
    select r.id, r.checked_in_at, ${personSql("g")} as checked_in_by
    from registrations r left join users g on g.id = r.checked_in_by
    where r.event_id = ${event.id} and exists (select 1 from check_ins ci where ci.registration_id = r.id and ci.received_at > ${since.toISOString()}::timestamptz)`,
  );
  return rows.map((r) => ({
    registrationId: r.id,
    checkedInAt: r.checked_in_at ? new Date(r.checked_in_at).toISOString() : null,
    checkedInBy: r.checked_in_by,
  }));
}

export type CheckInLive = { counts: CheckInCounts; changes: CheckInState[]; serverTime: string };

/** What open gate pages poll every few seconds: the counts, and the cars checked in since `since`. */
export async function getCheckInLive(event: GateEvent, since: Date): Promise<CheckInLive> {
  const serverTime = new Date().toISOString();
  const [counts, changes] = await Promise.all([getCheckInCounts(event), getCheckInChanges(event, since)]);
  return { counts, changes, serverTime };
}
