import "server-only";
import { textSha256 } from "@/lib/sha256";
import { and, asc, eq, gt, isNull, sql } from "drizzle-orm";
import { randomBytes } from "node:crypto";
import type { Role } from "@/lib/roles";
import { numberedSlug, slugify } from "@/lib/slug";
import { rateLimitedKey } from "@/lib/rate-limits";
import { mayDo } from "./access";
import { db } from "./client";
import { refuse, type Result } from "./result";
import { queueInvitation } from "./mail/queue";
import { consume, consumeAll } from "./rate-limit";
import { clubInvitations, clubMembers, clubs, events, users, type Club } from "./schema";

const INVITATION_DAYS = 14;
/** Whether the user holds any role in any club (shows the "Organise" link). */
export async function isClubStaff(userId: string): Promise<boolean> {
  const rows = await db()
    .select({ clubId: clubMembers.clubId })
    .from(clubMembers)
    .where(eq(clubMembers.userId, userId))
    .limit(1);
  return rows.length > 0;
}

export type ClubCreation = Result<{ club: Club }>;

/**
 * Creates a club with the user as its first admin; the slug gets a suffix when taken. Limited per
 * person and day: each new club could otherwise invite its own quota of strangers.
 */
export async function createClub(userId: string, name: string): Promise<ClubCreation> {
  const limited = await consume("clubsPerUser", userId);
  if (!limited.ok) return refuse(rateLimitedKey(limited.retryAfter), "name");
  const club = await db().transaction(async (tx) => {
    const base = slugify(name);
    // Two clubs created at once with one name must not pick the same slug.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`club-slug:${base}`}))`);
    const taken = await tx
      .select({ slug: clubs.slug })
      .from(clubs)
      .where(sql`${clubs.slug} like ${`${base.slice(0, 50)}%`}`);
    const used = new Set(taken.map((t) => t.slug));
    let slug = base;
    for (let n = 2; used.has(slug); n++) slug = numberedSlug(base, n);
    const [club] = await tx.insert(clubs).values({ name, slug }).returning();
    await tx.insert(clubMembers).values({ clubId: club!.id, userId, role: "admin" });
    return club!;
  });
  return { ok: true, club };
}

export type MyClub = Club & { role: Role; events: { slug: string; name: string; status: string; startsOn: string }[] };

/** The user's clubs with their role and the clubs' events, for /organise. */
export async function listMyClubs(userId: string): Promise<MyClub[]> {
  const rows = await db()
    .select({ club: clubs, role: clubMembers.role })
    .from(clubMembers)
    .innerJoin(clubs, eq(clubs.id, clubMembers.clubId))
    .where(eq(clubMembers.userId, userId))
    .orderBy(asc(clubs.name));
  if (rows.length === 0) return [];
  const list = await db()
    .select({
      clubId: events.clubId,
      slug: events.slug,
      name: events.name,
      status: events.status,
      startsOn: events.startsOn,
    })
    .from(events)
    .innerJoin(clubMembers, and(eq(clubMembers.clubId, events.clubId), eq(clubMembers.userId, userId)))
    .orderBy(asc(events.startsOn));
  return rows.map(({ club, role }) => ({ ...club, role, events: list.filter((e) => e.clubId === club.id) }));
}

/** A club the user belongs to, with their role; null otherwise. */
export async function getMyClub(userId: string, slug: string): Promise<(Club & { role: Role }) | null> {
  const [row] = await db()
    .select({ club: clubs, role: clubMembers.role })
    .from(clubs)
    .innerJoin(clubMembers, and(eq(clubMembers.clubId, clubs.id), eq(clubMembers.userId, userId)))
    .where(eq(clubs.slug, slug));
  return row ? { ...row.club, role: row.role } : null;
}

export async function listMembers(userId: string, clubId: string) {
  return db()
    .select({ userId: users.id, email: users.email, fullName: users.fullName, role: clubMembers.role })
    .from(clubMembers)
    .innerJoin(users, eq(users.id, clubMembers.userId))
    .where(and(eq(clubMembers.clubId, clubId), mayDo(userId, "manageMembers", clubMembers.clubId)))
    .orderBy(asc(users.email));
}

export type Invitation = Result<{ token: string }>;

/**
 * Invites an address to the club (found by slug, as the page shows it) and queues the mail in the
 * same transaction; the one-time token goes only into that mail (the table keeps its hash).
 * Limited per inviting person and per club. Null when the user may not invite to this club.
 */
export async function inviteMember(
  userId: string,
  clubSlug: string,
  email: string,
  role: Role,
): Promise<Invitation | null> {
  return db().transaction(async (tx) => {
    const [club] = await tx
      .select({ id: clubs.id })
      .from(clubs)
      .where(and(eq(clubs.slug, clubSlug), mayDo(userId, "manageMembers", clubs.id)));
    if (!club) return null;
    const limited = await consumeAll([
      ["invitationsPerUser", userId],
      ["invitationsPerClub", club.id],
    ]);
    if (!limited.ok) return refuse(rateLimitedKey(limited.retryAfter), "email");
    const token = randomBytes(24).toString("base64url");
    const expiresAt = new Date(Date.now() + INVITATION_DAYS * 24 * 60 * 60 * 1000);
    const [invitation] = await tx
      .insert(clubInvitations)
      .values({
        clubId: club.id,
        email: email.toLowerCase(),
        role,
        tokenHash: textSha256(token),
        invitedBy: userId,
        expiresAt,
      })
      .returning({ id: clubInvitations.id });
    await queueInvitation(tx, invitation!.id, token);
    return { ok: true, token } as const;
  });
}

/** Refusals: "invitation.invalid" (used, expired or unknown), "invitation.otherEmail", "invitation.lastAdmin". */
export type AcceptResult = Result<{ club: Club }>;

/** Uses an invitation once, for the address it was sent to; an existing role is replaced. */
export async function acceptInvitation(userId: string, userEmail: string, token: string): Promise<AcceptResult> {
  return db().transaction(async (tx) => {
    const [invite] = await tx
      .select()
      .from(clubInvitations)
      .where(
        and(
          eq(clubInvitations.tokenHash, textSha256(token)),
          isNull(clubInvitations.acceptedAt),
          gt(clubInvitations.expiresAt, new Date()),
        ),
      )
      .for("update");
    if (!invite) return refuse("invitation.invalid");
    if (invite.email !== userEmail.toLowerCase()) return refuse("invitation.otherEmail");
    if (invite.role !== "admin") {
      const admins = await tx
        .select({ userId: clubMembers.userId })
        .from(clubMembers)
        .where(and(eq(clubMembers.clubId, invite.clubId), eq(clubMembers.role, "admin")))
        .orderBy(asc(clubMembers.userId))
        .for("update");
      if (admins.length === 1 && admins[0]!.userId === userId) return refuse("invitation.lastAdmin");
    }
    await tx.update(clubInvitations).set({ acceptedAt: new Date() }).where(eq(clubInvitations.id, invite.id));
    await tx
      .insert(clubMembers)
      .values({ clubId: invite.clubId, userId, role: invite.role })
      .onConflictDoUpdate({ target: [clubMembers.clubId, clubMembers.userId], set: { role: invite.role } });
    const [club] = await tx.select().from(clubs).where(eq(clubs.id, invite.clubId));
    return { ok: true, club: club! } as const;
  });
}

/** Changes or (role null) removes a member; a club never loses its last admin. Null: not the caller's to change. */
export async function setMemberRole(
  userId: string,
  clubId: string,
  memberId: string,
  role: Role | null,
): Promise<Result | null> {
  return db().transaction(async (tx) => {
    // Lock the club's admin rows so two admins demoting each other cannot leave none (in user id
    // order, like every other lock on them: db/account.ts clubsLeftWithoutAdmin).
    const admins = await tx
      .select({ userId: clubMembers.userId })
      .from(clubMembers)
      .where(
        and(
          eq(clubMembers.clubId, clubId),
          eq(clubMembers.role, "admin"),
          mayDo(userId, "manageMembers", clubMembers.clubId),
        ),
      )
      .orderBy(asc(clubMembers.userId))
      .for("update");
    if (admins.length === 0) return null;
    const [target] = await tx
      .select()
      .from(clubMembers)
      .where(and(eq(clubMembers.clubId, clubId), eq(clubMembers.userId, memberId)));
    if (!target) return null;
    if (target.role === "admin" && role !== "admin" && admins.length === 1) return refuse("clubs.lastAdmin");
    const where = and(eq(clubMembers.clubId, clubId), eq(clubMembers.userId, memberId));
    if (role) await tx.update(clubMembers).set({ role }).where(where);
    else await tx.delete(clubMembers).where(where);
    return { ok: true } as const;
  });
}
