import { eq, like, sql } from "drizzle-orm";
import { addDays, dayKey, weekday, zonedMoment } from "@/lib/time";
import type { Db, Tx } from "../query";
import * as schema from "../schema";
import { seedDemoFees } from "./fees";
import { seedDemoPaperwork } from "./paperwork";
import { demoOwners } from "./people";

const { cars, clubMembers, clubs, eventSessions, events, registrations, registrationSessions, users } = schema;

export const DEMO_EVENT_SLUG = "1m-meet";
const CLUB_SLUG = "1m-owners-club";
const OWNERS = 92;

/** June to September: the Nordschleife's season for club meets. */
const inSummer = (day: string) => {
  const month = Number(day.slice(5, 7));
  return month >= 6 && month <= 9;
};

/**
 * The demo meet's Saturday: the first Saturday at least 60 days after `today` whose Saturday and
 * Sunday both fall between June and September (both "yyyy-MM-dd" in Europe/Berlin).
 */
export function demoSaturday(today: string): string {
  let day = addDays(today, 60);
  while (weekday(day) !== 6 || !inSummer(day) || !inSummer(addDays(day, 1))) day = addDays(day, 1);
  return day;
}

const PROGRAMME = [
  { name: "Paddock display", kind: "paddock", day: 0, from: "09:00", to: "12:30", capacity: 120 },
  { name: "Photo session, GP straight", kind: "photo", day: 0, from: "13:30", to: "15:00", capacity: 105 },
  {
    name: "Corso, Nordschleife behind the pace car",
    kind: "parade",
    day: 0,
    from: "18:00",
    to: "19:00",
    capacity: 105,
  },
  { name: "GP track session 1", kind: "gp_track", day: 1, from: "09:00", to: "09:30", capacity: 30 },
  { name: "GP track session 2", kind: "gp_track", day: 1, from: "10:00", to: "10:30", capacity: 30 },
  { name: "GP track session 3", kind: "gp_track", day: 1, from: "11:00", to: "11:30", capacity: 30 },
] as const;

/** Wipes what the demo seed wrote: its club (with its events) and every @ringmeet.test account. */
export async function resetDemo(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(clubs).where(eq(clubs.slug, CLUB_SLUG));
    await tx.delete(users).where(like(users.email, "%@ringmeet.test"));
  });
}

/**
 * Seeds the demo club, its `1m-meet` event and 92 owners with their cars and registrations.
 * Idempotent: when the event exists nothing is written. Returns whether it wrote anything.
 */
export async function seedDemo(db: Db, now = new Date()): Promise<boolean> {
  return db.transaction(async (tx) => {
    // Two seeds started at once must not both write: serialise them on a fixed lock key.
    await tx.execute(sql`select pg_advisory_xact_lock(20110001)`);
    const [existing] = await tx.select({ id: events.id }).from(events).where(eq(events.slug, DEMO_EVENT_SLUG));
    if (existing) return false;

    const today = dayKey(now);
    const saturday = demoSaturday(today);
    const [club] = await tx.insert(clubs).values({ name: "1M Owners Club", slug: CLUB_SLUG }).returning();
    const staff = await tx
      .insert(users)
      .values([
        {
          email: "organiser@ringmeet.test",
          name: "Olivia Organiser",
          fullName: "Olivia Organiser",
          displayName: "Olivia O.",
          country: "DE",
          emailVerified: now,
        },
        {
          email: "gate@ringmeet.test",
          name: "Gerd Gate",
          fullName: "Gerd Gate",
          displayName: "Gerd G.",
          country: "DE",
          emailVerified: now,
        },
      ])
      .onConflictDoUpdate({ target: users.email, set: { fullName: sql`excluded.full_name` } })
      .returning();
    await tx.insert(clubMembers).values([
      { clubId: club!.id, userId: staff[0]!.id, role: "admin" },
      { clubId: club!.id, userId: staff[1]!.id, role: "gate" },
    ]);
    const [event] = await tx
      .insert(events)
      .values({
        clubId: club!.id,
        slug: DEMO_EVENT_SLUG,
        name: `1M Meet ${saturday.slice(0, 4)}`,
        venue: "Nürburgring",
        description:
          "The BMW 1M owners' summer weekend: paddock display, a photo on the GP straight, two guided laps of the Nordschleife behind the pace car, and GP-track sessions on Sunday.",
        startsOn: saturday,
        endsOn: addDays(saturday, 1),
        registrationOpensAt: zonedMoment(today, "00:00"),
        registrationClosesAt: zonedMoment(addDays(saturday, -7), "00:00"),
        allocation: "fcfs",
        status: "published",
        maxSessionsPerCar: 4,
        eligibleModels: ["bmw-1m-e82"],
        rulesText:
          "Helmets on track. Follow the pace car; no overtaking in the Corso. Noise limit on the GP track: 98 dB(A).",
      })
      .returning();
    const sessions = await tx
      .insert(eventSessions)
      .values(
        PROGRAMME.map((p) => ({
          eventId: event!.id,
          name: p.name,
          kind: p.kind,
          startsAt: zonedMoment(addDays(saturday, p.day), p.from),
          endsAt: zonedMoment(addDays(saturday, p.day), p.to),
          capacity: p.capacity,
          noiseLimitDb: p.kind === "gp_track" ? 98 : null,
        })),
      )
      .returning();
    await seedOwners(
      tx,
      event!.id,
      sessions.map((s) => s.id),
      now,
    );
    await seedDemoPaperwork(tx, event!.id, now);
    await seedDemoFees(tx, event!.id, saturday);
    return true;
  });
}

async function seedOwners(tx: Tx, eventId: string, sessionIds: string[], now: Date) {
  const owners = demoOwners(OWNERS);
  const people = await tx
    .insert(users)
    .values(
      owners.map((o) => ({
        email: o.email,
        name: o.fullName,
        fullName: o.fullName,
        displayName: o.displayName,
        country: o.country,
        emailVerified: now,
      })),
    )
    .onConflictDoUpdate({ target: users.email, set: { fullName: sql`excluded.full_name` } })
    .returning({ id: users.id, email: users.email });
  const idByEmail = new Map(people.map((p) => [p.email, p.id]));
  const carRows = await tx
    .insert(cars)
    .values(owners.map((o) => ({ ownerId: idByEmail.get(o.email)!, model: "bmw-1m-e82", make: "BMW", ...o.car })))
    .returning({ id: cars.id, ownerId: cars.ownerId });
  const regs = await tx
    .insert(registrations)
    .values(
      carRows.map((c, i) => ({
        eventId,
        carId: c.id,
        ownerId: c.ownerId,
        plaque: i + 1,
        createdAt: new Date(now.getTime() + i * 1000),
      })),
    )
    .returning({ id: registrations.id, plaque: registrations.plaque });
  const [paddock, photo, corso, ...gp] = sessionIds;
  const places = regs.flatMap((r) => {
    const n = r.plaque!;
    const base = [paddock!, photo!, corso!].map((sessionId) => ({
      registrationId: r.id,
      sessionId,
      status: "confirmed" as const,
    }));
    // About half the cars also drive one GP session, spread over the three.
    return n % 2 === 0
      ? [...base, { registrationId: r.id, sessionId: gp[(n / 2) % 3]!, status: "confirmed" as const }]
      : base;
  });
  await tx.insert(registrationSessions).values(places);
}
