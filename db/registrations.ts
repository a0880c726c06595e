import "server-only";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { db } from "./client";
import { cars, eventSessions, events, registrations, registrationSessions } from "./schema";

export type MyRegistration = {
  id: string;
  status: "active" | "cancelled";
  plaque: number | null;
  event: { name: string; slug: string; startsOn: string };
  car: { plate: string; nickname: string | null; model: string } | null;
  places: { sessionName: string; startsAt: Date; status: "confirmed" | "waiting" }[];
};

/** The owner's registrations, newest event first; the owner check is the WHERE clause. */
export async function listMyRegistrations(ownerId: string): Promise<MyRegistration[]> {
  const rows = await db()
    .select({ reg: registrations, event: events, car: cars })
    .from(registrations)
    .innerJoin(events, eq(events.id, registrations.eventId))
    .leftJoin(cars, eq(cars.id, registrations.carId))
    .where(eq(registrations.ownerId, ownerId))
    .orderBy(desc(events.startsOn), asc(registrations.createdAt));
  if (rows.length === 0) return [];
  const places = await db()
    .select({ registrationId: registrationSessions.registrationId, status: registrationSessions.status, sessionName: eventSessions.name, startsAt: eventSessions.startsAt })
    .from(registrationSessions)
    .innerJoin(eventSessions, eq(eventSessions.id, registrationSessions.sessionId))
    .where(and(inArray(registrationSessions.registrationId, rows.map((r) => r.reg.id))))
    .orderBy(asc(eventSessions.startsAt));
  return rows.map(({ reg, event, car }) => ({
    id: reg.id,
    status: reg.status,
    plaque: reg.plaque,
    event: { name: event.name, slug: event.slug, startsOn: event.startsOn },
    car: car ? { plate: car.plate, nickname: car.nickname, model: car.model } : null,
    places: places.filter((p) => p.registrationId === reg.id),
  }));
}
