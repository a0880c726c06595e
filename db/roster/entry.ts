import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { DEFAULT_ROSTER_QUERY } from "@/lib/roster/query";
import { db } from "../client";
import { cars, registrations } from "../schema";
import { listAudit, type AuditEntry } from "./audit";
import { getRosterEvent, rosterFacets, rosterPage, type RosterEvent, type RosterRow, type SessionCount } from "./reads";

export type RosterEntry = {
  event: RosterEvent;
  row: RosterRow;
  vin: string | null;
  secondDriver: string | null;
  registeredAt: Date;
  sessions: SessionCount[];
  history: AuditEntry[];
};

/**
 * One registration as organisers see it, with the event's session counts and its audit history.
 * Gate staff get the same page without the e-mail, VIN and second driver (null: not read at all).
 */
export async function getRosterEntry(
  userId: string,
  slug: string,
  registrationId: string,
): Promise<RosterEntry | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(registrationId)) return null;
  const event = await getRosterEvent(userId, slug);
  if (!event) return null;
  const [page, facets, history, [extra]] = await Promise.all([
    rosterPage(event, DEFAULT_ROSTER_QUERY, registrationId),
    rosterFacets(event),
    listAudit(event, { registrationId, limit: 100 }),
    db()
      .select({
        vin: event.canReadDetails ? cars.vin : sql<string | null>`null`,
        secondDriver: event.canReadDetails ? registrations.secondDriverName : sql<string | null>`null`,
        registeredAt: registrations.createdAt,
      })
      .from(registrations)
      .leftJoin(cars, eq(cars.id, registrations.carId))
      .where(and(eq(registrations.id, registrationId), eq(registrations.eventId, event.id))),
  ]);
  const row = page.rows[0];
  if (!row || !extra) return null;
  return {
    event,
    row,
    vin: extra.vin,
    secondDriver: extra.secondDriver,
    registeredAt: extra.registeredAt,
    sessions: facets.sessions,
    history,
  };
}
