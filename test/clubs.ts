import { and, eq } from "drizzle-orm";
import { createClub, inviteMember } from "@/db/clubs";
import { db } from "@/db/client";
import { createEvent } from "@/db/organiser-events";
import { clubMembers, eventSessions, events } from "@/db/schema";
import type { Role } from "@/lib/roles";
import { eventInput, type EventForm } from "./event-form";
import { createOwner } from "./owners";
import { openEvent, type SessionSpec } from "./registration";
import { uniqueSuffix } from "./unique";

/** A club (created the app's way, so its creator is admin) plus members in the given roles. */
export async function clubWith(roles: Role[] = []) {
  const admin = await createOwner("admin");
  const created = await createClub(admin.id, `Club ${uniqueSuffix()}`);
  if (!created.ok) throw new Error(`could not create the club: ${created.error}`);
  const club = created.club;
  const members = [];
  for (const role of roles) {
    const user = await createOwner(role);
    await db().insert(clubMembers).values({ clubId: club.id, userId: user.id, role });
    members.push(user);
  }
  return { admin, club, members };
}

/** Invites `email` the app's way and returns the one-time token the mail would carry. */
export async function inviteToken(adminId: string, clubSlug: string, email: string, role: Role): Promise<string> {
  const invited = await inviteMember(adminId, clubSlug, email, role);
  if (!invited?.ok) throw new Error(`the invitation was refused: ${JSON.stringify(invited)}`);
  return invited.token;
}

export async function roleIn(clubId: string, userId: string): Promise<Role | null> {
  const [row] = await db()
    .select({ role: clubMembers.role })
    .from(clubMembers)
    .where(and(eq(clubMembers.clubId, clubId), eq(clubMembers.userId, userId)));
  return row?.role ?? null;
}

export async function adminCount(clubId: string): Promise<number> {
  return db().$count(clubMembers, and(eq(clubMembers.clubId, clubId), eq(clubMembers.role, "admin")));
}

/** An event created through db/organiser-events.ts by a club admin, uniquely named; with its rows. */
export async function clubEvent(userId: string, clubId: string, overrides: Partial<EventForm> = {}, publish = false) {
  const result = await createEvent(
    userId,
    clubId,
    eventInput({ name: `Meet ${uniqueSuffix()}`, ...overrides }),
    publish,
  );
  if (!result?.ok) throw new Error(`could not create the event: ${JSON.stringify(result)}`);
  return loadEvent(result.slug);
}

export async function loadEvent(slug: string) {
  const [event] = await db().select().from(events).where(eq(events.slug, slug));
  if (!event) throw new Error(`no event ${slug}`);
  const sessions = await db()
    .select()
    .from(eventSessions)
    .where(eq(eventSessions.eventId, event.id))
    .orderBy(eventSessions.startsAt);
  return { event, sessions };
}

/** A new club's open event with these sessions, its admin and one member at the gate. */
export async function clubMeet(sessionSpecs: SessionSpec[]) {
  const {
    admin,
    club,
    members: [gate],
  } = await clubWith(["gate"]);
  const { event, sessions } = await openEvent({ clubId: club.id, sessions: sessionSpecs });
  return { admin, gate: gate!, club, event, sessions };
}
