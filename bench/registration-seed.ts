import { randomBytes } from "node:crypto";
import postgres from "postgres";

export const OWNERS = 1000;
export const CAPACITY = 92;

export type BurstOwner = { id: string; carId: string; sessionToken: string };
export type BurstEvent = { eventId: string; slug: string; sessionIds: string[] };
export type BurstSeed = { burst: BurstEvent; warmUp: BurstEvent; openLoop: BurstEvent; owners: BurstOwner[] };

type Sql = postgres.Sql;

/** An open first-come-first-served event 40 days ahead with one session of CAPACITY cars per name. */
async function openEvent(sql: Sql, clubId: string, slug: string, sessionNames: string[]): Promise<BurstEvent> {
  const [event] = await sql<{ id: string }[]>`
    insert into events (club_id, slug, name, starts_on, ends_on, registration_opens_at, registration_closes_at, status, allocation)
    values (${clubId}, ${slug}, ${slug}, current_date + 40, current_date + 40, now() - interval '1 day', current_date + 33, 'published', 'fcfs')
    returning id`;
  const sessionIds: string[] = [];
  for (const [i, name] of sessionNames.entries()) {
    const [row] = await sql<{ id: string }[]>`
      insert into event_sessions (event_id, name, kind, starts_at, ends_at, capacity)
      values (${event!.id}, ${name}, 'paddock', ((current_date + 40) + make_time(${9 + 2 * i}, 0, 0)) at time zone 'Europe/Berlin',
              ((current_date + 40) + make_time(${10 + 2 * i}, 0, 0)) at time zone 'Europe/Berlin', ${CAPACITY})
      returning id`;
    sessionIds.push(row!.id);
  }
  return { eventId: event!.id, slug, sessionIds };
}

/**
 * The burst's event (session 0 for the app, session 1 the row pgbench contends on), a warm-up
 * event, an event for the open-loop phase, and OWNERS owners `bench-owner-0001`… (the id pgbench's script finds a car by), each with
 * a full name, one car and a signed-in database session (the `authjs.session-token` cookie).
 */
export async function seedBurst(databaseUrl: string): Promise<BurstSeed> {
  const sql = postgres(databaseUrl, { max: 2, onnotice: () => {} });
  try {
    const suffix = randomBytes(4).toString("hex");
    const [club] = await sql<
      { id: string }[]
    >`insert into clubs (name, slug) values (${`Bench Club ${suffix}`}, ${`bench-club-${suffix}`}) returning id`;
    const burst = await openEvent(sql, club!.id, `bench-burst-${suffix}`, ["Paddock display", "pgbench row"]);
    const warmUp = await openEvent(sql, club!.id, `bench-warm-up-${suffix}`, ["Warm-up"]);
    const openLoop = await openEvent(sql, club!.id, `bench-open-loop-${suffix}`, ["Open loop"]);
    await sql`
      insert into users (id, email, email_verified, name, full_name, display_name, country, locale)
      select 'bench-owner-' || lpad(n::text, 4, '0'), 'bench-owner-' || lpad(n::text, 4, '0') || '-' || ${suffix} || '@ringmeet.test',
             now(), 'Bench Owner ' || n, 'Bench Owner ' || n, 'Owner ' || n, 'DE', 'en'
      from generate_series(1, ${OWNERS}) n`;
    const cars = await sql<{ id: string; ownerId: string }[]>`
      insert into cars (owner_id, model, year, colour, plate, plate_country)
      select 'bench-owner-' || lpad(n::text, 4, '0'), 'bmw-1m-e82', 2011, 'Valencia Orange', 'BN ' || n, 'DE'
      from generate_series(1, ${OWNERS}) n
      returning id, owner_id as "ownerId"`;
    const tokens = await sql<{ userId: string; token: string }[]>`
      insert into sessions (session_token, user_id, expires)
      select md5(random()::text) || md5(random()::text), 'bench-owner-' || lpad(n::text, 4, '0'), now() + interval '1 day'
      from generate_series(1, ${OWNERS}) n
      returning user_id as "userId", session_token as token`;
    const carOf = new Map(cars.map((c) => [c.ownerId, c.id]));
    const owners = tokens.map((t) => ({ id: t.userId, carId: carOf.get(t.userId)!, sessionToken: t.token }));
    return { burst, warmUp, openLoop, owners };
  } finally {
    await sql.end();
  }
}
