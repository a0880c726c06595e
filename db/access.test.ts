import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { clubEvent, clubWith, loadEvent, roleIn } from "@/test/clubs";
import { eventInput } from "@/test/event-form";
import { createOwner } from "@/test/owners";
import { uniqueEmail, uniqueSuffix } from "@/test/unique";
import { db } from "./client";
import { createClub, getMyClub, inviteMember, listMembers, setMemberRole } from "./clubs";
import { cancelEvent, createEvent, getEventForEditing, saveEvent } from "./organiser-events";
import { clubInvitations, events } from "./schema";

type Actor = "admin" | "organiser" | "gate" | "otherClubAdmin" | "nonMember";
type Scene = Awaited<ReturnType<typeof scene>>;
type Outcome = "allowed" | "notFound";

/** A club with an admin, an organiser, a gate keeper and a plain gate member to act on; a draft event; two outsiders. */
async function scene() {
  const {
    admin,
    club,
    members: [organiser, gate, target],
  } = await clubWith(["organiser", "gate", "gate"]);
  const otherClubAdmin = await createOwner("elsewhere");
  await createClub(otherClubAdmin.id, `Other ${uniqueSuffix()}`);
  const nonMember = await createOwner("stranger");
  const { event } = await clubEvent(admin.id, club.id);
  return {
    club,
    event,
    target: target!,
    actors: { admin, organiser: organiser!, gate: gate!, otherClubAdmin, nonMember },
  };
}

/** Each data function: how to call it, what "allowed" looks like, and that "not found" changed nothing. */
type Operation<R> = {
  run: (userId: string, s: Scene) => Promise<R>;
  allowed: (r: R, s: Scene, actor: Actor) => unknown;
  notFound: (r: R, s: Scene) => unknown;
};
const op = <R>(o: Operation<R>) => o as unknown as Operation<unknown>;

const operations: Record<string, Operation<unknown>> = {
  getMyClub: op({
    run: (u, s) => getMyClub(u, s.club.slug),
    allowed: (r, s, actor) => expect(r).toMatchObject({ id: s.club.id, role: actor }),
    notFound: (r) => expect(r).toBeNull(),
  }),
  listMembers: op({
    run: (u, s) => listMembers(u, s.club.id),
    allowed: (r, s) => {
      const { admin, organiser, gate } = s.actors;
      const expected = [
        [admin, "admin"],
        [organiser, "organiser"],
        [gate, "gate"],
        [s.target, "gate"],
      ] as const;
      expect(r.map((m) => [m.email, m.role])).toEqual(
        expected.map(([u, role]) => [u.email, role]).sort(([a], [b]) => a!.localeCompare(b!)),
      );
    },
    notFound: (r) => expect(r).toEqual([]),
  }),
  inviteMember: op({
    run: (u, s) => inviteMember(u, s.club.slug, `invitee-${s.club.slug}@example.test`, "admin"),
    allowed: async (r, s) => {
      expect(r).toMatchObject({ ok: true, token: expect.stringMatching(/^[\w-]{32}$/) });
      expect(await db().$count(clubInvitations, eq(clubInvitations.clubId, s.club.id))).toBe(1);
    },
    notFound: async (r, s) => {
      expect(r).toBeNull();
      expect(await db().$count(clubInvitations, eq(clubInvitations.clubId, s.club.id))).toBe(0);
    },
  }),
  setMemberRole: op({
    run: (u, s) => setMemberRole(u, s.club.id, s.target.id, "admin"),
    allowed: async (r, s) => {
      expect(r).toEqual({ ok: true });
      expect(await roleIn(s.club.id, s.target.id)).toBe("admin");
    },
    notFound: async (r, s) => {
      expect(r).toBeNull();
      expect(await roleIn(s.club.id, s.target.id)).toBe("gate");
    },
  }),
  createEvent: op({
    run: (u, s) => createEvent(u, s.club.id, eventInput({ name: `Extra ${s.club.slug}` })),
    allowed: async (r, s) => {
      expect(r).toMatchObject({ ok: true, slug: `extra-${s.club.slug}` });
      expect((await loadEvent(`extra-${s.club.slug}`)).event).toMatchObject({ clubId: s.club.id, status: "draft" });
    },
    notFound: async (r, s) => {
      expect(r).toBeNull();
      expect(await db().$count(events, eq(events.clubId, s.club.id))).toBe(1);
    },
  }),
  getEventForEditing: op({
    run: (u, s) => getEventForEditing(u, s.event.slug),
    allowed: (r, s) => {
      expect(r).toMatchObject({ event: { id: s.event.id }, clubName: s.club.name });
      expect(r?.sessions).toHaveLength(2);
    },
    notFound: (r) => expect(r).toBeNull(),
  }),
  saveEvent: op({
    run: (u, s) => saveEvent(u, s.event.slug, eventInput({ name: "Renamed meet" }), true),
    allowed: async (r, s) => {
      expect(r).toEqual({ ok: true, slug: s.event.slug, removedSessions: [] });
      expect((await loadEvent(s.event.slug)).event).toMatchObject({ name: "Renamed meet", status: "published" });
    },
    notFound: async (r, s) => {
      expect(r).toBeNull();
      expect((await loadEvent(s.event.slug)).event).toMatchObject({ name: s.event.name, status: "draft" });
    },
  }),
  cancelEvent: op({
    run: (u, s) => cancelEvent(u, s.event.slug),
    allowed: async (r, s) => {
      expect(r).toMatchObject({ event: { id: s.event.id, status: "cancelled" }, told: 0 });
      expect((await loadEvent(s.event.slug)).event.status).toBe("cancelled");
    },
    notFound: async (r, s) => {
      expect(r).toBeNull();
      expect((await loadEvent(s.event.slug)).event.status).toBe("draft");
    },
  }),
};

const Y = "allowed" as const;
const N = "notFound" as const;
// prettier-ignore
const matrix: [string, Outcome, Outcome, Outcome, Outcome, Outcome][] = [
  //  function               admin  organiser  gate  other club  non-member
  ["getMyClub",              Y,     Y,         Y,    N,          N],
  ["listMembers",            Y,     N,         N,    N,          N],
  ["inviteMember",           Y,     N,         N,    N,          N],
  ["setMemberRole",          Y,     N,         N,    N,          N],
  ["createEvent",            Y,     Y,         N,    N,          N],
  ["getEventForEditing",     Y,     Y,         N,    N,          N],
  ["saveEvent",              Y,     Y,         N,    N,          N],
  ["cancelEvent",            Y,     Y,         N,    N,          N],
];
const actors: Actor[] = ["admin", "organiser", "gate", "otherClubAdmin", "nonMember"];
const cases = matrix.flatMap(([fn, ...outcomes]) => outcomes.map((outcome, i) => [fn, actors[i]!, outcome] as const));

describe("who may call which organiser function", () => {
  it("covers every function in the table", () => {
    expect(matrix.map(([fn]) => fn).sort()).toEqual(Object.keys(operations).sort());
  });

  it.each(cases)("%s by %s → %s", async (fn, actor, outcome) => {
    const s = await scene();
    const op = operations[fn]!;
    const result = await op.run(s.actors[actor].id, s);
    if (outcome === "allowed") await op.allowed(result, s, actor);
    else await op.notFound(result, s);
  });

  it("answers a missing club or event like a forbidden one", async () => {
    const s = await scene();
    const admin = s.actors.admin.id;
    const missing = crypto.randomUUID();
    expect(await getMyClub(admin, `no-such-${uniqueSuffix()}`)).toBeNull();
    expect(await listMembers(admin, missing)).toEqual([]);
    expect(await inviteMember(admin, `no-such-${uniqueSuffix()}`, uniqueEmail(), "gate")).toBeNull();
    expect(await setMemberRole(admin, missing, s.target.id, "admin")).toBeNull();
    expect(await setMemberRole(admin, s.club.id, s.actors.nonMember.id, "admin")).toBeNull();
    expect(await roleIn(s.club.id, s.actors.nonMember.id)).toBeNull();
    expect(await createEvent(admin, missing, eventInput())).toBeNull();
    expect(await createEvent(admin, "not-a-uuid", eventInput())).toBeNull();
    expect(await getEventForEditing(admin, `no-such-${uniqueSuffix()}`)).toBeNull();
    expect(await saveEvent(admin, `no-such-${uniqueSuffix()}`, eventInput(), false)).toBeNull();
    expect(await cancelEvent(admin, `no-such-${uniqueSuffix()}`)).toBeNull();
  });
});
