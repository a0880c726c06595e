import { eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { sqlRows } from "@/db/query";
import { cars, registrations, users } from "@/db/schema";
import { DEFAULT_ROSTER_QUERY, type RosterQuery } from "@/lib/roster/query";
import { clubWith } from "./clubs";
import { openEvent, type Garage, type SessionSpec } from "./registration";

/** A club with an organiser and gate staff, and an open event of that club with the given sessions. */
export async function rosterEvent(sessions: SessionSpec[]) {
  const { admin, club, members } = await clubWith(["organiser", "gate"]);
  const { event, sessions: rows } = await openEvent({ clubId: club.id, sessions });
  return { admin, organiser: members[0]!, gate: members[1]!, club, event, sessions: rows };
}

/** Gives an owner a name and their car the given details, so searches have something to find. */
export async function describeCar(
  garage: Garage,
  fields: {
    fullName?: string;
    plate?: string;
    vin?: string;
    colour?: string;
    individualColour?: string;
    model?: string;
  },
) {
  const { fullName, ...car } = fields;
  if (fullName) await db().update(users).set({ fullName }).where(eq(users.id, garage.ownerId));
  if (Object.keys(car).length) await db().update(cars).set(car).where(eq(cars.id, garage.carIds[0]!));
}

export async function setRegistration(id: string, fields: { plaque?: number; checkedInAt?: Date }) {
  await db().update(registrations).set(fields).where(eq(registrations.id, id));
}

export const query = (fields: Partial<RosterQuery> = {}): RosterQuery => ({ ...DEFAULT_ROSTER_QUERY, ...fields });

/** The audit rows about one registration, oldest first. */
export async function auditOf(registrationId: string) {
  return sqlRows<{
    action: string;
    actor_id: string;
    reason: string | null;
    detail: Record<string, unknown>;
    xmin: string;
  }>(
    db(),
    sql`select action, actor_id, reason, detail, xmin::text as xmin from audit_log where registration_id = ${registrationId} order by id`,
  );
}
