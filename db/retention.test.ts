import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { clubWith, inviteToken } from "@/test/clubs";
import { uniqueEmail } from "@/test/unique";
import { db } from "./client";
import { consume } from "./rate-limit";
import { purgeExpired, RETENTION } from "./retention";
import { clubInvitations, devMail, mailOutbox, rateLimits, verificationTokens } from "./schema";

const DAY = 24 * 3_600_000;

describe("the hourly purge", () => {
  it("deletes expired sign-in links, old mailbox mail, long-expired invitations and spent counters, and nothing else", async () => {
    const now = new Date();
    const [expired, live] = [uniqueEmail("expired"), uniqueEmail("live")];
    await db()
      .insert(verificationTokens)
      .values([
        { identifier: expired, token: `t-${expired}`, expires: new Date(now.getTime() - 1000) },
        { identifier: live, token: `t-${live}`, expires: new Date(now.getTime() + 600_000) },
      ]);
    const [oldMail, newMail] = await db()
      .insert(devMail)
      .values([
        {
          to: expired,
          subject: "old",
          text: "",
          html: "",
          links: [],
          createdAt: new Date(now.getTime() - (RETENTION.devMailDays + 1) * DAY),
        },
        { to: live, subject: "new", text: "", html: "", links: [], createdAt: new Date(now.getTime() - DAY) },
      ])
      .returning();
    const { admin, club } = await clubWith();
    for (const email of [expired, live]) await inviteToken(admin.id, club.slug, email, "gate");
    await db()
      .update(clubInvitations)
      .set({ expiresAt: new Date(now.getTime() - (RETENTION.expiredInvitationDays + 1) * DAY) })
      .where(eq(clubInvitations.email, expired));
    await consume("signInPerAddress", expired);
    await db()
      .update(rateLimits)
      .set({ expire: new Date(now.getTime() - 1000) })
      .where(eq(rateLimits.points, 1));

    const purged = await purgeExpired(now);

    expect(purged.signInTokens).toBeGreaterThanOrEqual(1);
    expect(
      await db()
        .select({ i: verificationTokens.identifier })
        .from(verificationTokens)
        .where(inArray(verificationTokens.identifier, [expired, live])),
    ).toEqual([{ i: live }]);
    expect(
      (
        await db()
          .select({ id: devMail.id })
          .from(devMail)
          .where(inArray(devMail.id, [oldMail!.id, newMail!.id]))
      ).map((r) => r.id),
    ).toEqual([newMail!.id]);
    expect(
      (
        await db()
          .select({ email: clubInvitations.email })
          .from(clubInvitations)
          .where(eq(clubInvitations.clubId, club.id))
      ).map((r) => r.email),
    ).toEqual([live]);
    expect(await db().$count(rateLimits, eq(rateLimits.points, 1))).toBe(0);
    expect(await purgeExpired(now)).toMatchObject({ signInTokens: 0, invitations: 0, rateLimits: 0 });
  });

  it("deletes records of sent mail after a month and of failed mail after three, keeping newer ones and mail still queued", async () => {
    const now = new Date();
    const ago = (days: number) => new Date(now.getTime() - days * DAY);
    const to = uniqueEmail("kept-for-a-while");
    const rows = await db()
      .insert(mailOutbox)
      .values([
        { kind: "signIn", recipient: to, status: "sent", createdAt: ago(RETENTION.sentMailDays + 1) },
        { kind: "signIn", recipient: to, status: "skipped", createdAt: ago(RETENTION.sentMailDays + 1) },
        { kind: "signIn", recipient: to, status: "sent", createdAt: ago(RETENTION.sentMailDays - 1) },
        { kind: "signIn", recipient: to, status: "failed", createdAt: ago(RETENTION.sentMailDays + 1) },
        { kind: "signIn", recipient: to, status: "failed", createdAt: ago(RETENTION.failedMailDays + 1) },
        { kind: "signIn", recipient: to, status: "queued", createdAt: ago(RETENTION.sentMailDays + 1) },
      ])
      .returning({ id: mailOutbox.id });
    expect((await purgeExpired(now)).mail).toBeGreaterThanOrEqual(3);
    const left = await db().select({ id: mailOutbox.id }).from(mailOutbox).where(eq(mailOutbox.recipient, to));
    expect(left.map((r) => r.id).sort()).toEqual([rows[2]!.id, rows[3]!.id, rows[5]!.id].sort());
  });
});
