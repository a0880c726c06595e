import { insertSession, insertUser, type Sql } from "../fixtures/db";
import { dayFromToday } from "../fixtures/events";

// The rows a security scene (scene.ts) is made of: people signed in, events, registrations.

export type Person = { id: string; email: string; token: string };
export type SeededEvent = { id: string; slug: string; sessions: string[] };

export async function person(sql: Sql): Promise<Person> {
  const user = await insertUser(sql);
  return { id: user.id, email: user.email, token: await insertSession(sql, user.id) };
}

export async function insertEvent(
  sql: Sql,
  clubId: string,
  slug: string,
  allocation: "fcfs" | "lottery",
  closed: boolean,
  capacities: number[],
): Promise<SeededEvent> {
  const day = dayFromToday(40);
  const [event] = await sql<{ id: string }[]>`
    insert into events (club_id, slug, name, starts_on, ends_on, registration_opens_at, registration_closes_at, allocation, status)
    values (${clubId}, ${slug}, ${`Meet ${slug}`}, ${day}, ${day}, now() - interval '2 days',
            ${closed ? sql`now() - interval '1 hour'` : sql`${day}::date - 7`}, ${allocation}, 'published')
    returning id`;
  const sessions: string[] = [];
  for (const [i, capacity] of capacities.entries()) {
    const [row] = await sql<{ id: string }[]>`
      insert into event_sessions (event_id, name, starts_at, ends_at, capacity)
      values (${event!.id}, ${`Session ${i + 1}`}, ${day}::date + make_time(${9 + 2 * i}, 0, 0) at time zone 'Europe/Berlin',
              ${day}::date + make_time(${10 + 2 * i}, 0, 0) at time zone 'Europe/Berlin', ${capacity})
      returning id`;
    sessions.push(row!.id);
  }
  return { id: event!.id, slug, sessions };
}

export async function register(
  sql: Sql,
  eventId: string,
  ownerId: string,
  carId: string,
  places: [string, "confirmed" | "waiting"][],
  plaque: number | null,
) {
  const [row] = await sql<{ id: string }[]>`
    insert into registrations (event_id, car_id, owner_id, plaque) values (${eventId}, ${carId}, ${ownerId}, ${plaque}) returning id`;
  for (const [sessionId, status] of places) {
    await sql`insert into registration_sessions (registration_id, session_id, status, wait_seq)
      values (${row!.id}, ${sessionId}, ${status}, case when ${status} = 'waiting' then nextval('registration_wait_seq') end)`;
  }
  return row!.id;
}
