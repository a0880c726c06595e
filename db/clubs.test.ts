import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { adminCount, clubWith, inviteToken, roleIn } from "@/test/clubs";
import { createOwner } from "@/test/owners";
import { uniqueEmail, uniqueSuffix } from "@/test/unique";
import { db } from "./client";
import {
  acceptInvitation,
  createClub,
  getMyClub,
  isClubStaff,
  listMyClubs,
  setMemberRole,
  type ClubCreation,
} from "./clubs";
import { clubInvitations, clubMembers } from "./schema";

async function invite(role: "admin" | "organiser" | "gate", email = uniqueEmail("invitee")) {
  const { admin, club } = await clubWith();
  const token = await inviteToken(admin.id, club.slug, email, role);
  return { admin, club, token, email };
}

describe("createClub", () => {
  it("makes its creator the only admin and gives a taken name a numbered slug", async () => {
    const name = `Meet Club ${uniqueSuffix()}`;
    const founder = await createOwner("founder");
    const first = (await createClub(founder.id, name)) as Extract<ClubCreation, { ok: true }>;
    const second = (await createClub((await createOwner("copycat")).id, name)) as Extract<ClubCreation, { ok: true }>;
    expect(second.club.slug).toBe(`${first.club.slug}-2`);
    expect(await getMyClub(founder.id, first.club.slug)).toMatchObject({ id: first.club.id, role: "admin" });
    expect(await adminCount(first.club.id)).toBe(1);
    expect(await isClubStaff(founder.id)).toBe(true);
    expect((await listMyClubs(founder.id)).map((c) => c.slug)).toEqual([first.club.slug]);
  });
});

describe("the last admin", () => {
  it("cannot be removed or demoted, by themselves or anyone", async () => {
    const { admin, club } = await clubWith();
    expect(await setMemberRole(admin.id, club.id, admin.id, null)).toEqual({ ok: false, error: "clubs.lastAdmin" });
    expect(await setMemberRole(admin.id, club.id, admin.id, "organiser")).toEqual({
      ok: false,
      error: "clubs.lastAdmin",
    });
    expect(await setMemberRole(admin.id, club.id, admin.id, "gate")).toEqual({ ok: false, error: "clubs.lastAdmin" });
    expect(await roleIn(club.id, admin.id)).toBe("admin");
    expect(await setMemberRole(admin.id, club.id, admin.id, "admin")).toEqual({ ok: true });
  });

  it("can step down once another admin exists, and then has no say", async () => {
    const {
      admin,
      club,
      members: [deputy],
    } = await clubWith(["organiser"]);
    expect(await setMemberRole(admin.id, club.id, deputy!.id, "admin")).toEqual({ ok: true });
    expect(await setMemberRole(admin.id, club.id, admin.id, "organiser")).toEqual({ ok: true });
    expect(await roleIn(club.id, admin.id)).toBe("organiser");
    expect(await setMemberRole(admin.id, club.id, deputy!.id, "gate")).toBeNull();
    expect(await setMemberRole(deputy!.id, club.id, admin.id, null)).toEqual({ ok: true });
    expect(await roleIn(club.id, admin.id)).toBeNull();
    expect(await setMemberRole(deputy!.id, club.id, deputy!.id, null)).toEqual({ ok: false, error: "clubs.lastAdmin" });
  });

  it.each([
    [
      "demote each other",
      (a: string, b: string) =>
        [
          [a, b, "organiser"],
          [b, a, "organiser"],
        ] as const,
    ],
    [
      "remove each other",
      (a: string, b: string) =>
        [
          [a, b, null],
          [b, a, null],
        ] as const,
    ],
    [
      "each step down",
      (a: string, b: string) =>
        [
          [a, a, "gate"],
          [b, b, "gate"],
        ] as const,
    ],
  ])("survives the only two admins trying at once to %s", async (_case, moves) => {
    // Several clubs at once, so the two transactions really overlap on the pool's connections.
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        const {
          admin,
          club,
          members: [second],
        } = await clubWith(["admin"]);
        const results = await Promise.all(
          moves(admin.id, second!.id).map(([actor, member, role]) => setMemberRole(actor, club.id, member, role)),
        );
        expect(await adminCount(club.id)).toBe(1);
        expect(results.filter((r) => r?.ok)).toHaveLength(1);
        // The loser is refused as the last admin, or (demoted meanwhile) may no longer change roles.
        const loser = results.find((r) => !r?.ok);
        expect(loser === null || (loser?.ok === false && loser.error === "clubs.lastAdmin")).toBe(true);
      }),
    );
  });
});

describe("invitations", () => {
  it("work once, giving the invited role", async () => {
    const { club, token, email } = await invite("organiser");
    const invitee = await createOwner("invitee", { email });
    expect(await acceptInvitation(invitee.id, email, token)).toMatchObject({
      ok: true,
      club: { id: club.id, slug: club.slug },
    });
    expect(await roleIn(club.id, invitee.id)).toBe("organiser");
    expect(await acceptInvitation(invitee.id, email, token)).toEqual({ ok: false, error: "invitation.invalid" });
    const [row] = await db().select().from(clubInvitations).where(eq(clubInvitations.clubId, club.id));
    expect(row!.acceptedAt).toBeInstanceOf(Date);
    expect(row!.tokenHash).not.toContain(token);
  });

  it("match the invited address in any letter case", async () => {
    const email = `Mixed.Case-${uniqueSuffix()}@Example.TEST`;
    const { club, token } = await invite("gate", email);
    const invitee = await createOwner("invitee");
    expect(await acceptInvitation(invitee.id, email.toUpperCase(), token)).toMatchObject({ ok: true });
    expect(await roleIn(club.id, invitee.id)).toBe("gate");
  });

  it("refuse another signed-in address and stay usable for the invited one", async () => {
    const { club, token, email } = await invite("gate");
    const someoneElse = await createOwner("forwarded");
    expect(await acceptInvitation(someoneElse.id, someoneElse.email!, token)).toEqual({
      ok: false,
      error: "invitation.otherEmail",
    });
    expect(await roleIn(club.id, someoneElse.id)).toBeNull();
    const invitee = await createOwner("invitee", { email });
    expect(await acceptInvitation(invitee.id, email, token)).toMatchObject({ ok: true });
    expect(await roleIn(club.id, invitee.id)).toBe("gate");
  });

  it("refuse an expired invitation", async () => {
    const { club, token, email } = await invite("admin");
    await db()
      .update(clubInvitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(clubInvitations.clubId, club.id));
    const invitee = await createOwner("late", { email });
    expect(await acceptInvitation(invitee.id, email, token)).toEqual({ ok: false, error: "invitation.invalid" });
    expect(await roleIn(club.id, invitee.id)).toBeNull();
  });

  it.each(["", "x", "not-a-token-at-all-but-long-enough-0123"])("refuse the unknown token %j", async (token) => {
    const invitee = await createOwner("guesser");
    expect(await acceptInvitation(invitee.id, invitee.email!, token)).toEqual({
      ok: false,
      error: "invitation.invalid",
    });
  });

  it("replace a member's existing role rather than adding a second one", async () => {
    const {
      admin,
      club,
      members: [gate],
    } = await clubWith(["gate"]);
    const token = await inviteToken(admin.id, club.slug, gate!.email!.toUpperCase(), "organiser");
    expect(await acceptInvitation(gate!.id, gate!.email!, token!)).toMatchObject({ ok: true });
    const rows = await db()
      .select()
      .from(clubMembers)
      .where(and(eq(clubMembers.clubId, club.id), eq(clubMembers.userId, gate!.id)));
    expect(rows.map((r) => r.role)).toEqual(["organiser"]);
  });

  it("are tokens of their own: two invitations to one address each work once", async () => {
    const { admin, club, token, email } = await invite("gate");
    const second = await inviteToken(admin.id, club.slug, email, "organiser");
    expect(second).not.toBe(token);
    const invitee = await createOwner("invitee", { email });
    expect(await acceptInvitation(invitee.id, email, second!)).toMatchObject({ ok: true });
    expect(await roleIn(club.id, invitee.id)).toBe("organiser");
    expect(await acceptInvitation(invitee.id, email, token)).toMatchObject({ ok: true });
    expect(await roleIn(club.id, invitee.id)).toBe("gate");
  });

  it("never leave a club without an admin, even when its only admin accepts a lesser role", async () => {
    const { admin, club } = await clubWith();
    const token = await inviteToken(admin.id, club.slug, admin.email!, "gate");
    await acceptInvitation(admin.id, admin.email!, token!);
    expect(await adminCount(club.id)).toBe(1);
  });
});
