import { db } from "@/db/client";
import { clubs, eventSessions, events, registrations, registrationSessions, users } from "@/db/schema";
import { carSchema } from "@/lib/schemas/car";
import { addDays, dayKey, zonedMoment } from "@/lib/time";
import { oneMForm } from "./garage";
import { uniqueEmail, uniqueSuffix } from "./unique";

export const today = () => dayKey(new Date());

export async function createOwner(prefix = "owner", fields: Partial<typeof users.$inferInsert> = {}) {
  const [user] = await db()
    .insert(users)
    .values({ email: uniqueEmail(prefix), fullName: `${prefix} Tester`, ...fields })
    .returning();
  return user!;
}

/** A parsed 1M ready for createCar/updateCar. */
export const oneM = (overrides: Record<string, string | undefined> = {}) => carSchema(2026).parse(oneMForm(overrides));

/** A club with one published event (and one session) over the given calendar days, in Europe/Berlin. */
export async function createEvent(
  startsOn: string,
  endsOn = startsOn,
  status: "published" | "cancelled" = "published",
) {
  const suffix = uniqueSuffix();
  const [club] = await db()
    .insert(clubs)
    .values({ name: `Club ${suffix}`, slug: `club-${suffix}` })
    .returning();
  const [event] = await db()
    .insert(events)
    .values({
      clubId: club!.id,
      slug: `meet-${suffix}`,
      name: `Meet ${suffix}`,
      startsOn,
      endsOn,
      registrationOpensAt: zonedMoment(addDays(startsOn, -60), "00:00"),
      registrationClosesAt: zonedMoment(addDays(startsOn, -7), "00:00"),
      status,
    })
    .returning();
  const [session] = await db()
    .insert(eventSessions)
    .values({
      eventId: event!.id,
      name: `Paddock ${suffix}`,
      kind: "paddock",
      startsAt: zonedMoment(startsOn, "09:00"),
      endsAt: zonedMoment(startsOn, "12:00"),
      capacity: 30,
    })
    .returning();
  return { club: club!, event: event!, session: session! };
}

/** An active registration with a confirmed place in `sessionId` when given. */
export async function register(
  eventId: string,
  ownerId: string,
  carId: string | null,
  sessionId?: string,
  extra: Partial<typeof registrations.$inferInsert> = {},
) {
  const [reg] = await db()
    .insert(registrations)
    .values({ eventId, ownerId, carId, ...extra })
    .returning();
  if (sessionId)
    await db().insert(registrationSessions).values({ registrationId: reg!.id, sessionId, status: "confirmed" });
  return reg!;
}

/** An owner with an active registration holding a place (confirmed unless said) in the session. */
export async function registrant(
  eventId: string,
  sessionId: string,
  status: "confirmed" | "waiting" = "confirmed",
  locale: string | null = null,
) {
  const owner = await createOwner("driver", { locale });
  const reg = await register(eventId, owner.id, null);
  await db()
    .insert(registrationSessions)
    .values({ registrationId: reg.id, sessionId, status, waitSeq: status === "waiting" ? 1 : null });
  return { owner, reg };
}
/** Their addresses, sorted: how queued mails are compared. */
export const emails = (...owners: { email: string | null }[]) => owners.map((o) => o.email!).sort();
