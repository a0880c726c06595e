import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { clubWith } from "@/test/clubs";
import { mailJobsFor, sendRegistrationMails } from "@/test/mail";
import { ownersWithCars, registerInOrder, sessionPlaces } from "@/test/registration";
import { auditOf, rosterEvent } from "@/test/roster";
import { db } from "../client";
import { sqlRows } from "../query";
import { devMail, registrations } from "../schema";
import { moveRegistrations, promoteWaiting, removeRegistrations } from "./writes";

/** A session's confirmed cars (as a sorted set) and its waiting list in order. */
const listOf = async (sessionId: string) => {
  const places = await sessionPlaces(sessionId);
  return {
    confirmed: places
      .filter((p) => p.status === "confirmed")
      .map((p) => p.registrationId)
      .sort(),
    waiting: places.filter((p) => p.status === "waiting").map((p) => [p.registrationId, p.position]),
  };
};
const set = (...ids: string[]) => [...ids].sort();
const xminOf = async (where: ReturnType<typeof sql>) =>
  (await sqlRows<{ x: string }>(db(), sql`select xmin::text as x from registration_sessions where ${where}`))[0]?.x;

/** Two GP sessions (A 09:00, capacity 2; B 10:00, capacity 2) and a paddock display overlapping B. */
async function gpWorld(cars: number, plan: (a: string, b: string, paddock: string) => string[][]) {
  const world = await rosterEvent([
    { start: "09:00", end: "09:30", capacity: 2 },
    { start: "10:00", end: "10:30", capacity: 2 },
    { start: "10:15", end: "12:00", capacity: 50 },
  ]);
  const [a, b, paddock] = world.sessions.map((s) => s.id) as [string, string, string];
  const owners = await ownersWithCars(cars);
  const ids = await registerInOrder(world.event.id, owners, plan(a, b, paddock));
  return { ...world, a, b, paddock, owners, ids };
}

describe("moving cars between sessions", () => {
  it("confirms the car in the target while it has room, gives its old place to the first car waiting, and audits both", async () => {
    const w = await gpWorld(4, (a) => [[a]]);
    const [c1, c2, c3, c4] = w.ids as [string, string, string, string];
    const result = await moveRegistrations(w.organiser.id, w.event.slug, {
      registrationIds: [c1],
      fromSessionId: w.a,
      toSessionId: w.b,
      overbook: 0,
      reason: null,
    });
    expect(result).toEqual({ ok: true, changed: [c1], skipped: [], promoted: [c3] });
    expect(await listOf(w.a)).toEqual({ confirmed: set(c2, c3), waiting: [[c4, 1]] });
    expect(await listOf(w.b)).toEqual({ confirmed: [c1], waiting: [] });
    const [move] = await auditOf(c1);
    expect(move).toMatchObject({
      action: "move",
      actor_id: w.organiser.id,
      reason: null,
      detail: { from: w.sessions[0]!.name, to: w.sessions[1]!.name, was: "confirmed", status: "confirmed" },
    });
    expect(await auditOf(c3)).toMatchObject([{ action: "autoPromote", detail: { cause: "move" } }]);
    // One transaction: the move, the promotion, the audit rows and the mails.
    const tx = await xminOf(sql`registration_id = ${c1} and session_id = ${w.b}`);
    expect(move!.xmin).toBe(tx);
    expect(await xminOf(sql`registration_id = ${c3} and session_id = ${w.a}`)).toBe(tx);
    expect((await mailJobsFor(c1)).filter((j) => j.kind === "movedByOrganiser").map((j) => j.xmin)).toEqual([tx]);
    expect((await mailJobsFor(c3)).filter((j) => j.kind === "placeConfirmed")).toHaveLength(1);

    await sendRegistrationMails(c1, "movedByOrganiser");
    const [mail] = await db().select().from(devMail).where(eq(devMail.to, w.owners[0]!.email));
    expect(mail?.subject).toBe(`Your session changed: ${w.sessions[1]!.name}`);
    expect(mail?.text).toContain(`from ${w.sessions[0]!.name} to ${w.sessions[1]!.name}`);
    expect(mail?.text).toContain(`${w.sessions[1]!.name} (`);
  });

  it("puts the car at the end of a full target's waiting list, unless the organiser overbooks by a stated number", async () => {
    const w = await gpWorld(6, (a, b) => [[b], [b], [b], [a], [a], [a]]);
    const [, , waitingB, x, y, z] = w.ids as [string, string, string, string, string, string];
    const move = (id: string, overbook: number) =>
      moveRegistrations(w.organiser.id, w.event.slug, {
        registrationIds: [id],
        fromSessionId: w.a,
        toSessionId: w.b,
        overbook,
        reason: "Swap with a friend",
      });
    expect(await move(x, 0)).toMatchObject({ ok: true, changed: [x] });
    expect((await listOf(w.b)).waiting).toEqual([
      [waitingB, 1],
      [x, 2],
    ]);
    expect(await move(y, 1)).toMatchObject({ ok: true });
    expect(await move(z, 1)).toMatchObject({ ok: true });
    const b = await listOf(w.b);
    expect(b.confirmed).toContain(y);
    expect(b.confirmed).toHaveLength(3); // capacity 2 + 1, no more
    expect(b.waiting).toEqual([
      [waitingB, 1],
      [x, 2],
      [z, 3],
    ]);
    expect((await auditOf(y))[0]).toMatchObject({
      reason: "Swap with a friend",
      detail: { overbook: 1, status: "confirmed" },
    });
  });

  it("moves a selection oldest registration first, and skips cars not in the source, already in the target or that would clash", async () => {
    const w = await gpWorld(6, (a, b, paddock) => [[a], [a], [a, b], [a, paddock], [b], [a]]);
    const [c1, c2, inBoth, clashing, onlyB, c6] = w.ids as [string, string, string, string, string, string];
    // B is full (inBoth, onlyB); the organiser allows one car beyond its capacity.
    const result = await moveRegistrations(w.organiser.id, w.event.slug, {
      registrationIds: [c6, c2, inBoth, clashing, onlyB, c1],
      fromSessionId: w.a,
      toSessionId: w.b,
      overbook: 1,
      reason: "Track layout",
    });
    expect(result).toMatchObject({ ok: true, changed: [c1, c2, c6] });
    if (!result?.ok) return;
    expect(Object.fromEntries(result.skipped.map((s) => [s.id, s.error]))).toEqual({
      [inBoth]: "roster.errors.alreadyInSession",
      [clashing]: "roster.errors.clash",
      [onlyB]: "roster.errors.notInSession",
    });
    expect(await listOf(w.b)).toEqual({
      confirmed: set(c1, inBoth, onlyB),
      waiting: [
        [c2, 1],
        [c6, 2],
      ],
    });
    expect((await auditOf(c2))[0]).toMatchObject({ action: "move", detail: { bulk: 3 } });
    expect(await auditOf(onlyB)).toEqual([]);
  });
});

describe("promoting a car out of turn", () => {
  it("needs room or a stated overbooking, and a reason; confirms the car, mails the owner, and records its old position", async () => {
    const w = await gpWorld(4, (a) => [[a]]);
    const [, , first, second] = w.ids as [string, string, string, string];
    const promote = (overbook: number, reason = "Sponsor car") =>
      promoteWaiting(w.organiser.id, w.event.slug, second, { sessionId: w.a, overbook, reason });
    expect(await promote(0)).toEqual({ ok: false, field: "overbook", error: "roster.errors.full" });
    expect(await promote(1, "  ")).toEqual({ ok: false, field: "reason", error: "roster.errors.reasonRequired" });
    expect(await promote(1)).toEqual({ ok: true, changed: [second], skipped: [], promoted: [] });
    expect((await listOf(w.a)).waiting).toEqual([[first, 1]]);
    expect(await auditOf(second)).toMatchObject([
      { action: "promote", reason: "Sponsor car", detail: { position: 2, overbook: 1 } },
    ]);
    expect((await mailJobsFor(second)).filter((j) => j.kind === "placeConfirmed")).toHaveLength(1);
    expect(await promote(1)).toEqual({ ok: false, field: "form", error: "roster.errors.notWaiting" });
  });
});

describe("removing registrations", () => {
  it("cancels with a reason, frees the places for the next cars waiting, mails the owner the reason, and audits it", async () => {
    const w = await gpWorld(3, (a) => [[a]]);
    const [gone, kept, next] = w.ids as [string, string, string];
    expect(await removeRegistrations(w.admin.id, w.event.slug, { registrationIds: [gone], reason: "" })).toMatchObject({
      ok: false,
      error: "roster.errors.reasonRequired",
    });
    expect(
      await removeRegistrations(w.admin.id, w.event.slug, { registrationIds: [gone], reason: "No valid insurance" }),
    ).toEqual({ ok: true, changed: [gone], skipped: [], promoted: [next] });
    const [row] = await db().select().from(registrations).where(eq(registrations.id, gone));
    expect(row).toMatchObject({ status: "cancelled" });
    expect(await listOf(w.a)).toEqual({ confirmed: set(kept, next), waiting: [] });
    expect(await auditOf(gone)).toMatchObject([
      {
        action: "remove",
        reason: "No valid insurance",
        detail: { places: [{ session: w.sessions[0]!.name, status: "confirmed" }] },
      },
    ]);
    expect((await mailJobsFor(gone)).map((j) => j.kind)).toEqual(["registrationReceived", "removedByOrganiser"]);

    await sendRegistrationMails(gone, "removedByOrganiser");
    const [mail] = await db().select().from(devMail).where(eq(devMail.to, w.owners[0]!.email));
    expect(mail?.subject).toBe(`Registration cancelled by the organiser: ${w.event.name}`);
    expect(mail?.text).toContain("Reason: No valid insurance");
    // Removing it again finds nothing to remove.
    expect(
      await removeRegistrations(w.admin.id, w.event.slug, { registrationIds: [gone], reason: "Again" }),
    ).toBeNull();
  });

  it("removes a selection in one transaction; the waiting list moves up in order", async () => {
    const w = await gpWorld(5, (a) => [[a]]);
    const [c1, c2, c3, c4, c5] = w.ids as [string, string, string, string, string];
    expect(
      await removeRegistrations(w.organiser.id, w.event.slug, { registrationIds: [c2, c1], reason: "Bulk cleanup" }),
    ).toMatchObject({ ok: true, promoted: [c3, c4] });
    expect(await listOf(w.a)).toEqual({ confirmed: set(c3, c4), waiting: [[c5, 1]] });
    expect((await auditOf(c1))[0]!.xmin).toBe((await auditOf(c2))[0]!.xmin);
    expect((await auditOf(c1))[0]).toMatchObject({ detail: { bulk: 2 } });
  });
});

describe("who may change the roster", () => {
  it("gate staff, another club's organiser and owners get 'not found', and nothing changes", async () => {
    const w = await gpWorld(3, (a) => [[a]]);
    const [c1, , c3] = w.ids as [string, string, string];
    const other = await clubWith(["organiser"]);
    const before = await listOf(w.a);
    for (const user of [w.gate.id, other.members[0]!.id, other.admin.id, w.owners[0]!.ownerId]) {
      expect(
        await moveRegistrations(user, w.event.slug, {
          registrationIds: [c1],
          fromSessionId: w.a,
          toSessionId: w.b,
          overbook: 0,
          reason: null,
        }),
      ).toBeNull();
      expect(
        await promoteWaiting(user, w.event.slug, c3, { sessionId: w.a, overbook: 5, reason: "Because" }),
      ).toBeNull();
      expect(await removeRegistrations(user, w.event.slug, { registrationIds: [c1], reason: "Because" })).toBeNull();
    }
    expect(await listOf(w.a)).toEqual(before);
    for (const id of w.ids) expect(await auditOf(id)).toEqual([]);
  });

  it("an organiser cannot reach another event's registration through their own event", async () => {
    const mine = await gpWorld(1, (a) => [[a]]);
    const theirs = await gpWorld(1, (a) => [[a]]);
    expect(
      await removeRegistrations(mine.organiser.id, mine.event.slug, {
        registrationIds: [theirs.ids[0]!],
        reason: "Not mine",
      }),
    ).toBeNull();
    expect(
      await moveRegistrations(mine.organiser.id, mine.event.slug, {
        registrationIds: [mine.ids[0]!],
        fromSessionId: mine.a,
        toSessionId: theirs.b,
        overbook: 0,
        reason: null,
      }),
    ).toEqual({ ok: false, field: "toSessionId", error: "errors.sessionNotInEvent" });
  });
});
