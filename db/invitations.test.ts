import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { RATE_LIMITS } from "@/lib/rate-limits";
import { clubWith } from "@/test/clubs";
import { sendQueued } from "@/test/mail";
import { createOwner } from "@/test/owners";
import { uniqueEmail, uniqueSuffix } from "@/test/unique";
import { db } from "./client";
import { sqlRows } from "./query";
import { createClub, inviteMember } from "./clubs";
import { clubInvitations, clubMembers, clubs, devMail } from "./schema";

type InvitationJob = { invitationId: string; token: string; xmin: string };

/** The club's invitation mails: one outbox row and job each, the token only in the job. */
async function invitationJobs(clubId: string): Promise<InvitationJob[]> {
  return sqlRows<InvitationJob>(
    db(),
    sql`
    select m.payload->>'invitationId' as "invitationId", j.payload->>'secret' as token, j.xmin::text as xmin from graphile_worker._private_jobs j
    join mail_outbox m on m.id::text = j.payload->>'mailId'
    join club_invitations i on i.id::text = m.payload->>'invitationId'
    where m.kind = 'invitation' and i.club_id = ${clubId} order by j.id`,
  );
}

const sendInvitationMail = (job: InvitationJob) => sendQueued(sql`m.payload->>'invitationId' = ${job.invitationId}`);

const mailTo = (email: string) => db().select().from(devMail).where(eq(devMail.to, email.toLowerCase()));

describe("invitation mails", () => {
  it("are queued in the inviting transaction, one per invitation, and name the club as the database has it", async () => {
    const { admin, club } = await clubWith();
    const email = uniqueEmail("invitee");
    const invited = await inviteMember(admin.id, club.slug, email, "organiser");
    expect(invited).toMatchObject({ ok: true });
    const [job] = await invitationJobs(club.id);
    const [row] = await db()
      .select({ id: clubInvitations.id, xmin: sql<string>`xmin::text` })
      .from(clubInvitations)
      .where(eq(clubInvitations.clubId, club.id));
    expect(job).toMatchObject({ invitationId: row!.id, token: invited!.ok ? invited!.token : "", xmin: row!.xmin });
    await sendInvitationMail(job!);
    const [mail] = await mailTo(email);
    expect(mail!.subject).toBe(`You are invited to ${club.name} on Ringmeet`);
    expect(mail!.links).toEqual([`http://localhost:3999/invitations/${job!.token}`]);
  });

  it("never make text of a club's name into a link, whatever the name holds", async () => {
    const { admin, club } = await clubWith();
    // A name written straight into the table, past the form's check: the mail must still not link it.
    await db().update(clubs).set({ name: "Win at https://evil.example/prize <a href=x>" }).where(eq(clubs.id, club.id));
    const email = uniqueEmail("invitee");
    await inviteMember(admin.id, club.slug, email, "gate");
    const [job] = await invitationJobs(club.id);
    await sendInvitationMail(job!);
    const [mail] = await mailTo(email);
    expect(mail!.links).toEqual([`http://localhost:3999/invitations/${job!.token}`]);
    expect(mail!.html.match(/<a /g)).toHaveLength(1);
    expect(mail!.html).toContain("Win at https://evil.example/prize &lt;a href=x&gt;");
  });
});

describe("invitation limits", () => {
  it("refuse one person's invitation past the daily limit beside the address, writing and queueing nothing", async () => {
    const { admin, club } = await clubWith();
    const { points } = RATE_LIMITS.invitationsPerUser;
    for (let i = 0; i < points; i++)
      expect(await inviteMember(admin.id, club.slug, uniqueEmail("ok"), "gate")).toMatchObject({ ok: true });
    const refused = await inviteMember(admin.id, club.slug, uniqueEmail("over"), "gate");
    expect(refused).toEqual({
      ok: false,
      field: "email",
      error: expect.stringMatching(/^errors\.rateLimited\.hours\?n=24$/),
    });
    expect(await db().$count(clubInvitations, eq(clubInvitations.clubId, club.id))).toBe(points);
    expect(await invitationJobs(club.id)).toHaveLength(points);
  });

  it("hold per club too, however many admins it has", async () => {
    const { admin, club, members } = await clubWith(["admin", "admin", "admin"]);
    const admins = [admin, ...members];
    const { points } = RATE_LIMITS.invitationsPerClub;
    for (let i = 0; i < points; i++)
      expect(await inviteMember(admins[i % admins.length]!.id, club.slug, uniqueEmail("ok"), "gate")).toMatchObject({
        ok: true,
      });
    expect(await inviteMember(members[2]!.id, club.slug, uniqueEmail("over"), "gate")).toMatchObject({
      ok: false,
      field: "email",
    });
    expect(await db().$count(clubInvitations, eq(clubInvitations.clubId, club.id))).toBe(points);
  });

  it("do not let a stranger use up a club's invitations", async () => {
    const { admin, club } = await clubWith();
    const stranger = await createOwner("stranger");
    for (let i = 0; i < RATE_LIMITS.invitationsPerClub.points + 5; i++)
      expect(await inviteMember(stranger.id, club.slug, uniqueEmail(), "gate")).toBeNull();
    expect(await inviteMember(admin.id, club.slug, uniqueEmail("ok"), "gate")).toMatchObject({ ok: true });
  });

  it("limit the clubs one person creates a day", async () => {
    const founder = await createOwner("founder");
    const { points } = RATE_LIMITS.clubsPerUser;
    for (let i = 0; i < points; i++)
      expect(await createClub(founder.id, `Spam Club ${uniqueSuffix()}`)).toMatchObject({ ok: true });
    expect(await createClub(founder.id, `Spam Club ${uniqueSuffix()}`)).toMatchObject({
      ok: false,
      field: "name",
      error: expect.stringMatching(/^errors\.rateLimited\./),
    });
    expect(await db().$count(clubMembers, eq(clubMembers.userId, founder.id))).toBe(points);
  });
});
