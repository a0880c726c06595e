import "server-only";
import { settleCharges } from "./payments/charges";
import { randomBytes } from "node:crypto";
import { and, asc, eq, gte, inArray, ne, or, sql } from "drizzle-orm";
import { driverDetailsOf } from "@/lib/paperwork";
import type { ProfileInput } from "@/lib/schemas/profile";
import { dayKey } from "@/lib/time";
import { db } from "./client";
import type { Db, Tx } from "./query";
import { refuse, type Refusal } from "./result";
import { fillFreePlaces, lockSessions } from "./registrations/places";
import { eraseMailOf } from "./mail/erase";
import {
  auditLog,
  broadcastRecipients,
  clubInvitations,
  clubMembers,
  clubs,
  devMail,
  events,
  registrations,
  registrationSessions,
  users,
  verificationTokens,
  type User,
} from "./schema";

export async function getProfile(userId: string): Promise<User | null> {
  const [user] = await db().select().from(users).where(eq(users.id, userId));
  return user ?? null;
}

export async function updateProfile(userId: string, input: ProfileInput, today = dayKey(new Date())): Promise<void> {
  await db().transaction(async (tx) => {
    await tx
      .update(users)
      .set({ ...input, name: input.fullName })
      .where(eq(users.id, userId));
    // The copies on registrations follow the profile until their event is over; then they stay as
    // they were on the day (and are erased 30 days later).
    await tx
      .update(registrations)
      .set({ driverDetails: driverDetailsOf(input) })
      .where(
        and(
          eq(registrations.ownerId, userId),
          eq(registrations.status, "active"),
          sql`exists (select 1 from events e where e.id = ${registrations.eventId} and e.ends_on >= ${today})`,
        ),
      );
  });
}

/**
 * Where the address lives on outside the user's own rows: unused sign-in links, development mail
 * and the records of mail to it (db/mail/erase.ts) go; invitations, broadcast recipient lists and the audit log keep a pseudonym in its place, so
 * the clubs' records still add up without naming the person.
 */
async function eraseAddress(tx: Tx, userId: string, email: string): Promise<void> {
  const pseudonym = `Deleted account ${randomBytes(3).toString("hex").toUpperCase()}`;
  const address = email.toLowerCase();
  const pattern = address.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  await tx.delete(verificationTokens).where(eq(sql`lower(${verificationTokens.identifier})`, address));
  await tx.delete(devMail).where(eq(devMail.to, address));
  await eraseMailOf(tx, userId, address);
  await tx.update(clubInvitations).set({ email: pseudonym }).where(eq(clubInvitations.email, address));
  await tx
    .update(broadcastRecipients)
    .set({ email: pseudonym, userId: null })
    .where(or(eq(broadcastRecipients.userId, userId), eq(sql`lower(${broadcastRecipients.email})`, address)));
  await tx.update(auditLog).set({ actorPseudonym: pseudonym }).where(eq(auditLog.actorId, userId));
  await tx
    .update(auditLog)
    .set({
      detail: sql`regexp_replace(${auditLog.detail}::text, ${pattern}, ${pseudonym}, 'gi')::jsonb`,
      reason: sql`regexp_replace(${auditLog.reason}, ${pattern}, ${pseudonym}, 'gi')`,
    })
    .where(or(sql`${auditLog.detail}::text ~* ${pattern}`, sql`${auditLog.reason} ~* ${pattern}`));
}

/**
 * The clubs that would be left without an admin while other members remain, were the user gone:
 * they are its only admin. With `lock`, the clubs' admin rows are locked (in one order, as
 * setMemberRole locks them), so two admins leaving at once cannot both go.
 */
export async function clubsLeftWithoutAdmin(q: Tx | Db, userId: string, lock = false): Promise<string[]> {
  const query = q
    .select({ clubId: clubMembers.clubId, userId: clubMembers.userId })
    .from(clubMembers)
    .where(
      and(
        eq(clubMembers.role, "admin"),
        inArray(
          clubMembers.clubId,
          q
            .select({ id: clubMembers.clubId })
            .from(clubMembers)
            .where(and(eq(clubMembers.userId, userId), eq(clubMembers.role, "admin"))),
        ),
      ),
    )
    .orderBy(asc(clubMembers.clubId), asc(clubMembers.userId));
  const admins = lock ? await query.for("update") : await query;
  const soleAdmin = [...new Set(admins.map((a) => a.clubId))].filter((club) =>
    admins.every((a) => a.clubId !== club || a.userId === userId),
  );
  if (soleAdmin.length === 0) return [];
  const stranded = await q
    .selectDistinct({ name: clubs.name })
    .from(clubMembers)
    .innerJoin(clubs, eq(clubs.id, clubMembers.clubId))
    .where(and(inArray(clubMembers.clubId, soleAdmin), ne(clubMembers.userId, userId)))
    .orderBy(asc(clubs.name));
  return stranded.map((c) => c.name);
}

/** Refused ("account.lastAdmin") with the clubs that would be left without an admin. */
export type DeleteResult = { ok: true } | (Refusal & { clubs: string[] });

/**
 * Deletes the account: upcoming registrations are cancelled first (their places free up), past
 * ones stay for the clubs' records without owner or car; cars, sessions and passkeys go. Refused
 * while the user is the only admin of a club that has other members (clubsLeftWithoutAdmin).
 */
export async function deleteAccount(userId: string, now = new Date()): Promise<DeleteResult> {
  return db().transaction(async (tx) => {
    // A registration insert takes a key-share lock on the user row; holding it here makes one
    // racing this deletion wait and then fail, instead of slipping in with no owner.
    await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for("update");
    const stranded = await clubsLeftWithoutAdmin(tx, userId, true);
    if (stranded.length > 0) return { ...refuse("account.lastAdmin"), clubs: stranded };
    await cancelUpcoming(tx, userId, now);
    await tx
      .update(registrations)
      .set({ secondDriverName: null, secondDriverEmail: null })
      .where(eq(registrations.ownerId, userId));
    const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId));
    if (user?.email) await eraseAddress(tx, userId, user.email);
    await tx.delete(users).where(eq(users.id, userId));
    return { ok: true } as const;
  });
}

/**
 * Cancels the user's upcoming registrations like an owner's own cancellation, in the same lock
 * order as every write: the registrations (by id), then their sessions (by id). The freed places
 * go to the next cars waiting.
 */
async function cancelUpcoming(tx: Tx, userId: string, now: Date): Promise<void> {
  // Locked, and read as they are once locked: one the owner cancelled a moment ago is left alone.
  const upcoming = await tx
    .select({ id: registrations.id })
    .from(registrations)
    .innerJoin(events, eq(events.id, registrations.eventId))
    .where(and(eq(registrations.ownerId, userId), eq(registrations.status, "active"), gte(events.endsOn, dayKey(now))))
    .orderBy(asc(registrations.id))
    .for("update", { of: registrations });
  const ids = upcoming.map((r) => r.id);
  if (ids.length === 0) return;
  const held = await tx
    .select({ sessionId: registrationSessions.sessionId })
    .from(registrationSessions)
    .where(inArray(registrationSessions.registrationId, ids));
  const locked = await lockSessions(tx, [...new Set(held.map((p) => p.sessionId))]);
  await tx.update(registrations).set({ status: "cancelled", cancelledAt: now }).where(inArray(registrations.id, ids));
  // Statuses as the delete sees them, under the locks: a place may have been promoted a moment ago.
  const places = await tx
    .delete(registrationSessions)
    .where(inArray(registrationSessions.registrationId, ids))
    .returning({ sessionId: registrationSessions.sessionId, status: registrationSessions.status });
  // The account is gone: its places' charges are credited, and what was paid shows as owed back.
  await settleCharges(tx, ids);
  for (const session of locked) {
    if (places.some((p) => p.sessionId === session.id && p.status === "confirmed")) await fillFreePlaces(tx, session);
  }
}
