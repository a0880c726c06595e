import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { db } from "./client";
import {
  cars,
  eventSessions,
  events,
  registrations,
  registrationSessions,
  type Event,
  type EventSession,
} from "./schema";

const visible = inArray(events.status, ["published", "finished", "cancelled"]);

export type SessionWithCounts = EventSession & { confirmed: number; waiting: number };

export type PublicEvent = {
  event: Event;
  sessions: SessionWithCounts[];
  carsRegistered: number;
  colours: { colour: string; individualColour: string | null; cars: number }[];
  countries: { country: string; cars: number }[];
};

// A car counts as registered once it holds at least one confirmed place.
const confirmedRegistrations = (eventId: string) =>
  db()
    .selectDistinct({ id: registrations.id, carId: registrations.carId })
    .from(registrations)
    .innerJoin(
      registrationSessions,
      and(eq(registrationSessions.registrationId, registrations.id), eq(registrationSessions.status, "confirmed")),
    )
    .where(and(eq(registrations.eventId, eventId), eq(registrations.status, "active")))
    .as("confirmed_regs");

/** The public view of a published event, or null. Holds no personal data. */
export async function getPublicEvent(slug: string): Promise<PublicEvent | null> {
  const [event] = await db()
    .select()
    .from(events)
    .where(and(eq(events.slug, slug), visible))
    .limit(1);
  if (!event) return null;
  // A place offered to a waiting car (db/registrations/offers.ts) is held for it: counted as taken.
  const offered = sql`exists (select 1 from place_offers o where o.registration_id = ${registrationSessions.registrationId}
    and o.session_id = ${registrationSessions.sessionId} and o.status = 'open')`;
  const counted = sql<number>`count(${registrations.id}) filter (where ${registrationSessions.status} = 'confirmed' or ${offered})::int`;
  const waiting = sql<number>`count(${registrations.id}) filter (where ${registrationSessions.status} = 'waiting' and not ${offered})::int`;
  const sessionsQuery = db()
    .select({ session: eventSessions, confirmed: counted, waiting })
    .from(eventSessions)
    .leftJoin(registrationSessions, eq(registrationSessions.sessionId, eventSessions.id))
    .leftJoin(
      registrations,
      and(eq(registrations.id, registrationSessions.registrationId), eq(registrations.status, "active")),
    )
    .where(eq(eventSessions.eventId, event.id))
    .groupBy(eventSessions.id)
    .orderBy(asc(eventSessions.startsAt), asc(eventSessions.name));
  const regs = confirmedRegistrations(event.id);
  const coloursQuery = db()
    .select({ colour: cars.colour, individualColour: cars.individualColour, cars: sql<number>`count(*)::int` })
    .from(regs)
    .innerJoin(cars, eq(cars.id, regs.carId))
    .groupBy(cars.colour, cars.individualColour)
    .orderBy(sql`count(*) desc`, asc(cars.colour));
  const countriesQuery = db()
    .select({ country: cars.plateCountry, cars: sql<number>`count(*)::int` })
    .from(regs)
    .innerJoin(cars, eq(cars.id, regs.carId))
    .groupBy(cars.plateCountry)
    .orderBy(sql`count(*) desc`, asc(cars.plateCountry));
  const totalQuery = db()
    .select({ n: sql<number>`count(*)::int` })
    .from(regs);
  const [rows, colours, countries, [total]] = await Promise.all([
    sessionsQuery,
    coloursQuery,
    countriesQuery,
    totalQuery,
  ]);
  return {
    event,
    sessions: rows.map((r) => ({ ...r.session, confirmed: r.confirmed, waiting: r.waiting })),
    carsRegistered: total?.n ?? 0,
    colours,
    countries,
  };
}
