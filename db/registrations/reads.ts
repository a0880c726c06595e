import "server-only";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { db } from "../client";
import { questionsOf } from "../paperwork/answers";
import { sqlRows } from "../query";
import type { Question } from "@/lib/paperwork";
import {
  cars,
  eventPaperwork,
  eventSessions,
  events,
  registrations,
  type Car,
  type Event,
  type EventSession,
  type Registration,
} from "../schema";
import { isUuid } from "@/lib/uuid";

export type MyRegistration = {
  id: string;
  status: "active" | "cancelled";
  plaque: number | null;
  event: { name: string; slug: string; startsOn: string };
  car: { plate: string; nickname: string | null; model: string } | null;
  places: PlaceView[];
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
  return Promise.all(
    rows.map(async ({ reg, event, car }) => ({
      id: reg.id,
      status: reg.status,
      plaque: reg.plaque,
      event: { name: event.name, slug: event.slug, startsOn: event.startsOn },
      car: car ? { plate: car.plate, nickname: car.nickname, model: car.model } : null,
      places: await placesOf(reg.id),
    })),
  );
}

export type PlaceView = {
  sessionId: string;
  name: string;
  startsAt: Date;
  endsAt: Date;
  status: "confirmed" | "waiting";
  position: number | null;
};

/** Places of one registration with each waiting place's position (1 = next to move up). */
export async function placesOf(registrationId: string): Promise<PlaceView[]> {
  const rows = await sqlRows<{
    session_id: string;
    name: string;
    starts_at: string;
    ends_at: string;
    status: "confirmed" | "waiting";
    position: number | null;
  }>(
    db(),
    sql`
    select rs.session_id, es.name, es.starts_at, es.ends_at, rs.status,
      case when rs.status = 'waiting' then (
        select count(*) from registration_sessions w
        where w.session_id = rs.session_id and w.status = 'waiting' and w.wait_seq <= rs.wait_seq
      )::int end as position
    from registration_sessions rs join event_sessions es on es.id = rs.session_id
    where rs.registration_id = ${registrationId}
    order by es.starts_at`,
  );
  return rows.map((r) => ({
    sessionId: r.session_id,
    name: r.name,
    startsAt: new Date(r.starts_at),
    endsAt: new Date(r.ends_at),
    status: r.status,
    position: r.position,
  }));
}

export type TicketView = {
  registration: Registration;
  event: Event;
  car: Car | null;
  places: PlaceView[];
};

/** One of the owner's registrations; null for anyone else's (the owner check is the WHERE clause). */
export async function getMyRegistration(ownerId: string, registrationId: string): Promise<TicketView | null> {
  if (!isUuid(registrationId)) return null;
  const [row] = await db()
    .select({ registration: registrations, event: events, car: cars })
    .from(registrations)
    .innerJoin(events, eq(events.id, registrations.eventId))
    .leftJoin(cars, eq(cars.id, registrations.carId))
    .where(and(eq(registrations.id, registrationId), eq(registrations.ownerId, ownerId)));
  if (!row) return null;
  return { ...row, places: await placesOf(registrationId) };
}

export type RegisterPage = {
  event: Event;
  sessions: EventSession[];
  cars: Car[];
  registeredCarIds: string[];
  questions: Question[];
  noiseLimitDb: number | null;
};

/** What the register form needs: the event, its sessions, and the owner's cars (and which are already in). */
export async function getRegisterPage(ownerId: string, slug: string): Promise<RegisterPage | null> {
  const [event] = await db()
    .select()
    .from(events)
    .where(and(eq(events.slug, slug), eq(events.status, "published")));
  if (!event) return null;
  const [sessions, myCars, taken, questions, [paperwork]] = await Promise.all([
    db().select().from(eventSessions).where(eq(eventSessions.eventId, event.id)).orderBy(asc(eventSessions.startsAt)),
    db().select().from(cars).where(eq(cars.ownerId, ownerId)).orderBy(asc(cars.createdAt)),
    db()
      .select({ carId: registrations.carId })
      .from(registrations)
      .where(
        and(
          eq(registrations.eventId, event.id),
          eq(registrations.ownerId, ownerId),
          eq(registrations.status, "active"),
        ),
      ),
    questionsOf(db(), event.id),
    db()
      .select({ noiseLimitDb: eventPaperwork.noiseLimitDb })
      .from(eventPaperwork)
      .where(eq(eventPaperwork.eventId, event.id)),
  ]);
  const registeredCarIds = taken.map((t) => t.carId!).filter(Boolean);
  return { event, sessions, cars: myCars, registeredCarIds, questions, noiseLimitDb: paperwork?.noiseLimitDb ?? null };
}

/** What a printed ticket shows: the event, the plaque and the confirmed places; null once cancelled. */
export async function getTicketHolder(registrationId: string, eventId: string) {
  const [row] = await db()
    .select({ plaque: registrations.plaque, eventName: events.name })
    .from(registrations)
    .innerJoin(events, eq(events.id, registrations.eventId))
    .where(
      and(eq(registrations.id, registrationId), eq(registrations.eventId, eventId), eq(registrations.status, "active")),
    );
  return row ? { ...row, places: await placesOf(registrationId) } : null;
}

/** One of the owner's active registrations with its event; null for anyone else's or a cancelled one. */
export async function myActiveRegistration(ownerId: string, registrationId: string) {
  if (!isUuid(registrationId)) return null;
  const [row] = await db()
    .select({ registration: registrations, event: events })
    .from(registrations)
    .innerJoin(events, eq(events.id, registrations.eventId))
    .where(
      and(eq(registrations.id, registrationId), eq(registrations.ownerId, ownerId), eq(registrations.status, "active")),
    );
  return row ?? null;
}
