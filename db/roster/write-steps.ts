import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { isUuid } from "@/lib/uuid";
import type { Tx } from "../query";
import { fillFreePlaces } from "../registrations/places";
import { eventSessions, registrations, registrationSessions, type EventSession } from "../schema";
import type { AuditAction, AuditRecord } from "./audit";

// The steps an organiser's roster change is made of (db/roster/writes.ts), each inside its transaction.

export type Place = {
  registrationId: string;
  sessionId: string;
  status: "confirmed" | "waiting";
  startsAt: Date;
  endsAt: Date;
};

/** The event's active registrations among `ids`, locked in id order, oldest registration first. */
export async function lockActive(tx: Tx, eventId: string, ids: string[]) {
  const valid = [...new Set(ids.filter((id) => isUuid(id)))];
  if (valid.length === 0) return [];
  const rows = await tx
    .select()
    .from(registrations)
    .where(
      and(inArray(registrations.id, valid), eq(registrations.eventId, eventId), eq(registrations.status, "active")),
    )
    .orderBy(asc(registrations.id))
    .for("update");
  return rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
}

export async function placesOf(tx: Tx, registrationIds: string[]): Promise<Place[]> {
  if (registrationIds.length === 0) return [];
  return tx
    .select({
      registrationId: registrationSessions.registrationId,
      sessionId: registrationSessions.sessionId,
      status: registrationSessions.status,
      startsAt: eventSessions.startsAt,
      endsAt: eventSessions.endsAt,
    })
    .from(registrationSessions)
    .innerJoin(eventSessions, eq(eventSessions.id, registrationSessions.sessionId))
    .where(inArray(registrationSessions.registrationId, registrationIds));
}

export async function confirmedIn(tx: Tx, sessionId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(registrationSessions)
    .where(and(eq(registrationSessions.sessionId, sessionId), eq(registrationSessions.status, "confirmed")));
  return row?.n ?? 0;
}

export async function eventSessionsById(tx: Tx, eventId: string, ids: string[]): Promise<Map<string, EventSession>> {
  const valid = ids.filter((id) => isUuid(id));
  if (valid.length === 0) return new Map();
  const rows = await tx
    .select()
    .from(eventSessions)
    .where(and(inArray(eventSessions.id, valid), eq(eventSessions.eventId, eventId)));
  return new Map(rows.map((s) => [s.id, s]));
}

export type Refill = { eventId: string; actorId: string; cause: AuditAction; records: AuditRecord[] };

/** Fills freed places from the waiting lists; every car moved up gets its own audit row. */
export async function refill(tx: Tx, sessions: EventSession[], audit: Refill): Promise<string[]> {
  const promoted: string[] = [];
  for (const session of sessions) {
    for (const id of await fillFreePlaces(tx, session)) {
      promoted.push(id);
      audit.records.push({
        eventId: audit.eventId,
        registrationId: id,
        actorId: audit.actorId,
        action: "autoPromote",
        detail: { session: session.name, cause: audit.cause },
        reason: null,
      });
    }
  }
  return promoted;
}
