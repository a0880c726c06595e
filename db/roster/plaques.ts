import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { assignPlaques, validatePlaqueChange, type PlaqueRule } from "@/lib/roster/plaques";
import { eventFor, mayDo } from "../access";
import { db } from "../client";
import { auditLog, cars, events, registrations, users } from "../schema";
import { isUuid } from "@/lib/uuid";

export type PlaqueResult =
  { ok: true; assigned: number } | { ok: false; error: "errors.plaqueRange" | "errors.plaqueTaken" } | null;

/**
 * Numbers every confirmed car that has no plaque yet (lowest free numbers, in the rule's order);
 * plaques already given never change. The event row lock serialises two organisers doing this.
 */
export async function assignEventPlaques(userId: string, slug: string, rule: PlaqueRule): Promise<PlaqueResult> {
  return db().transaction(async (tx) => {
    const event = await eventFor(tx, userId, slug, "changeRoster", true);
    if (!event) return null;
    const rows = await tx
      .select({
        id: registrations.id,
        registeredAt: registrations.createdAt,
        productionNumber: cars.productionNumber,
        plaque: registrations.plaque,
        confirmed: sql<boolean>`${registrations.status} = 'active' and exists (select 1 from registration_sessions rs where rs.registration_id = ${registrations.id} and rs.status = 'confirmed')`,
      })
      .from(registrations)
      .leftJoin(cars, eq(cars.id, registrations.carId))
      .where(eq(registrations.eventId, event.id));
    const assigned = assignPlaques(rows, rule);
    for (const a of assigned)
      await tx.update(registrations).set({ plaque: a.plaque }).where(eq(registrations.id, a.id));
    await tx.insert(auditLog).values({
      eventId: event.id,
      actorId: userId,
      action: "plaques.assign",
      detail: { rule, assigned: assigned.length },
    });
    return { ok: true, assigned: assigned.length };
  });
}

/** An organiser gives one car another plaque number, unique in the event. */
export async function changePlaque(
  userId: string,
  slug: string,
  registrationId: string,
  plaque: number,
  reason: string | null = null,
): Promise<PlaqueResult> {
  if (!isUuid(registrationId)) return null;
  return db().transaction(async (tx) => {
    const [row] = await tx
      .select({ reg: registrations })
      .from(registrations)
      .innerJoin(events, eq(events.id, registrations.eventId))
      .where(
        and(eq(registrations.id, registrationId), eq(events.slug, slug), mayDo(userId, "changeRoster", events.clubId)),
      )
      .for("update", { of: registrations });
    if (!row) return null;
    // Lock the event too, so a concurrent assignment cannot hand out the same number meanwhile.
    await tx.select({ id: events.id }).from(events).where(eq(events.id, row.reg.eventId)).for("update");
    const taken = await tx
      .select({ plaque: registrations.plaque })
      .from(registrations)
      .where(and(eq(registrations.eventId, row.reg.eventId), sql`${registrations.plaque} is not null`));
    const error = validatePlaqueChange(
      plaque,
      taken.map((t) => t.plaque!),
      row.reg.plaque,
    );
    if (error) return { ok: false, error };
    if (plaque === row.reg.plaque) return { ok: true, assigned: 0 };
    await tx.update(registrations).set({ plaque }).where(eq(registrations.id, registrationId));
    await tx.insert(auditLog).values({
      eventId: row.reg.eventId,
      registrationId,
      actorId: userId,
      action: "plaque.change",
      detail: { from: row.reg.plaque, to: plaque },
      reason,
    });
    return { ok: true, assigned: 1 };
  });
}

/** The event's active registrations with their plaques, numbered ones first (the plaques page). */
export async function listPlaques(userId: string, slug: string) {
  const event = await eventFor(db(), userId, slug, "changeRoster");
  if (!event) return null;
  const rows = await db()
    .select({
      id: registrations.id,
      plaque: registrations.plaque,
      plate: cars.plate,
      driver: users.fullName,
      confirmed: sql<boolean>`exists (select 1 from registration_sessions rs where rs.registration_id = ${registrations.id} and rs.status = 'confirmed')`,
    })
    .from(registrations)
    .leftJoin(cars, eq(cars.id, registrations.carId))
    .leftJoin(users, eq(users.id, registrations.ownerId))
    .where(and(eq(registrations.eventId, event.id), eq(registrations.status, "active")))
    .orderBy(sql`${registrations.plaque} asc nulls last`, registrations.createdAt);
  return { event, rows };
}
