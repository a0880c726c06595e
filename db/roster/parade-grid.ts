import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { carModelName, paintName } from "@/lib/car-catalogue";
import {
  gridOrderIds,
  paradeGrid,
  repairGridOrder,
  validateGridOrder,
  type GridEntry,
  type GridMode,
} from "@/lib/roster/parade-grid";
import { mayDo } from "../access";
import { db } from "../client";
import {
  auditLog,
  cars,
  clubMembers,
  eventSessions,
  events,
  paradeGrids,
  registrations,
  registrationSessions,
  users,
} from "../schema";
import { isUuid } from "@/lib/uuid";

export type GridRow = {
  registrationId: string;
  plaque: number | null;
  colour: string;
  colourName: string;
  driver: string;
  car: string;
  plate: string;
};

async function sessionOf(userId: string, slug: string, sessionId: string, action: "readRoster" | "changeRoster") {
  if (!isUuid(sessionId)) return null;
  const [row] = await db()
    .select({ event: events, session: eventSessions, role: clubMembers.role })
    .from(eventSessions)
    .innerJoin(events, eq(events.id, eventSessions.eventId))
    .innerJoin(clubMembers, and(eq(clubMembers.clubId, events.clubId), eq(clubMembers.userId, userId)))
    .where(and(eq(eventSessions.id, sessionId), eq(events.slug, slug), mayDo(userId, action, events.clubId)));
  return row ?? null;
}

/** The cars confirmed in a session, with what a grid sheet shows of them. */
async function confirmedCars(sessionId: string): Promise<GridRow[]> {
  const rows = await db()
    .select({ reg: registrations, car: cars, driver: users.fullName })
    .from(registrationSessions)
    .innerJoin(
      registrations,
      and(eq(registrations.id, registrationSessions.registrationId), eq(registrations.status, "active")),
    )
    .leftJoin(cars, eq(cars.id, registrations.carId))
    .leftJoin(users, eq(users.id, registrations.ownerId))
    .where(and(eq(registrationSessions.sessionId, sessionId), eq(registrationSessions.status, "confirmed")))
    .orderBy(asc(registrations.plaque));
  return rows.map(({ reg, car, driver }) => ({
    registrationId: reg.id,
    plaque: reg.plaque,
    colour: car?.colour ?? "",
    colourName: car ? paintName(car.colour, car.individualColour) : "",
    driver: driver ?? "",
    car: car ? carModelName(car) : "",
    plate: car?.plate ?? "",
  }));
}

/**
 * A session's parade grid: the saved order, repaired against who is confirmed now (cars that left
 * are dropped, newcomers join at the end), or by plaque number when none was saved.
 */
export async function getGrid(userId: string, slug: string, sessionId: string) {
  const found = await sessionOf(userId, slug, sessionId, "readRoster");
  if (!found) return null;
  const [rows, [saved]] = await Promise.all([
    confirmedCars(sessionId),
    db().select().from(paradeGrids).where(eq(paradeGrids.sessionId, sessionId)),
  ]);
  const grid: GridEntry<GridRow>[] = saved
    ? repairGridOrder(saved.registrationIds, rows)
    : paradeGrid(rows, { kind: "plaque" });
  return { ...found, grid, saved: saved ?? null, colours: [...new Set(rows.map((r) => r.colour))].sort() };
}

export type GridSave = { ok: true } | { ok: false; error: "errors.gridStale" } | null;

/** Saves an order of the confirmed cars (every one exactly once, else refused as stale) and logs it. */
export async function saveGrid(
  userId: string,
  slug: string,
  sessionId: string,
  order: string[],
  mode: GridMode | { kind: "manual" },
): Promise<GridSave> {
  const found = await sessionOf(userId, slug, sessionId, "changeRoster");
  if (!found) return null;
  return db().transaction(async (tx) => {
    // The session row lock serialises this with registrations and moves changing who is confirmed.
    await tx.select({ id: eventSessions.id }).from(eventSessions).where(eq(eventSessions.id, sessionId)).for("update");
    const confirmed = await tx
      .select({ id: registrationSessions.registrationId })
      .from(registrationSessions)
      .innerJoin(
        registrations,
        and(eq(registrations.id, registrationSessions.registrationId), eq(registrations.status, "active")),
      )
      .where(and(eq(registrationSessions.sessionId, sessionId), eq(registrationSessions.status, "confirmed")));
    if (
      !validateGridOrder(
        order,
        confirmed.map((c) => c.id),
      ).ok
    )
      return { ok: false, error: "errors.gridStale" } as const;
    await tx
      .insert(paradeGrids)
      .values({ sessionId, registrationIds: order, mode, updatedBy: userId })
      .onConflictDoUpdate({
        target: paradeGrids.sessionId,
        set: { registrationIds: order, mode, updatedBy: userId, updatedAt: sql`now()` },
      });
    await tx.insert(auditLog).values({
      eventId: found.event.id,
      actorId: userId,
      action: "grid.save",
      detail: { sessionId, mode: mode.kind, cars: order.length },
    });
    return { ok: true } as const;
  });
}

/** Generates an order by rule and saves it. */
export async function generateGrid(userId: string, slug: string, sessionId: string, mode: GridMode): Promise<GridSave> {
  const found = await sessionOf(userId, slug, sessionId, "changeRoster");
  if (!found) return null;
  return saveGrid(userId, slug, sessionId, gridOrderIds(paradeGrid(await confirmedCars(sessionId), mode)), mode);
}
