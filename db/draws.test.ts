import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { allocate, hashResult } from "@/lib/lottery";
import { clubWith } from "@/test/clubs";
import { mailJobsFor, openEvent, ownersWithCars, sessionPlaces, type Garage } from "@/test/registration";
import { db } from "./client";
import { getPublicDraw, publishDraw, runDraw } from "./draws";
import { changeEntry, choicesOf, enterLottery } from "./lottery-entries";
import { cancelRegistration } from "./registration-writes";
import { draws, events, registrations } from "./schema";

const HOUR = 3600_000;
const entry = (eventId: string, g: Garage, ranking: string[]) => ({
  eventId, carId: g.carIds[0]!, ranking, secondDriverName: null, secondDriverEmail: null, idempotencyKey: randomUUID(),
});

/** A lottery event of the admin's club: sessions A (09–10, capacity 1), B (11–12, 2), C (09:30–10:30, clashing with A, 1). */
async function ballot(roles: ("organiser" | "gate")[] = []) {
  const { admin, club, members } = await clubWith(roles);
  const { event, sessions } = await openEvent({ clubId: club.id, allocation: "lottery", sessions: [
    { start: "09:00", end: "10:00", capacity: 1 }, { start: "11:00", end: "12:00", capacity: 2 }, { start: "09:30", end: "10:30", capacity: 1 },
  ] });
  const afterClose = new Date(event.registrationClosesAt.getTime() + HOUR);
  return { admin, members, event, sessions, ids: sessions.map((s) => s.id) as [string, string, string], afterClose };
}

async function enterAll(eventId: string, owners: Garage[], rankings: string[][]) {
  const ids: string[] = [];
  for (const [i, g] of owners.entries()) {
    const result = await enterLottery(g.ownerId, entry(eventId, g, rankings[i]!));
    if (!result.ok) throw new Error(result.error);
    ids.push(result.registrationId);
  }
  return ids;
}

describe("ballot entries", () => {
  it("keep the ranking, queue an entry mail, and replay to the same entry", async () => {
    const { event, ids: [a, b] } = await ballot();
    const [owner] = await ownersWithCars(1);
    const input = entry(event.id, owner!, [b, a]);
    const first = await enterLottery(owner!.ownerId, input);
    expect(first.ok).toBe(true);
    expect(await enterLottery(owner!.ownerId, input)).toEqual(first);
    const id = (first as { registrationId: string }).registrationId;
    expect((await choicesOf(id)).map((c) => [c.rank, c.sessionId])).toEqual([[1, b], [2, a]]);
    expect((await mailJobsFor(id)).map((j) => [j.task, j.kind])).toEqual([["lotteryMail", "entryReceived"]]);
    expect(await changeEntry(owner!.ownerId, id, [a])).toEqual({ ok: true, registrationId: id });
    expect((await choicesOf(id)).map((c) => c.sessionId)).toEqual([a]);
  });

  it("refuse clashing choices, a first-come event, and a closed ballot, writing nothing", async () => {
    const { event, ids: [a, , c] } = await ballot();
    const [owner] = await ownersWithCars(1);
    expect(await enterLottery(owner!.ownerId, entry(event.id, owner!, [a, c]))).toEqual({ ok: false, field: "choice1", error: "errors.sessionsClash" });
    const fcfs = await openEvent();
    expect(await enterLottery(owner!.ownerId, entry(fcfs.event.id, owner!, [fcfs.sessions[0]!.id]))).toEqual({ ok: false, field: "form", error: "errors.registrationClosed" });
    const late = new Date(event.registrationClosesAt.getTime() + 1000);
    expect(await enterLottery(owner!.ownerId, entry(event.id, owner!, [a]), late)).toMatchObject({ ok: false, error: "errors.registrationClosed" });
    expect(await db().$count(registrations, eq(registrations.ownerId, owner!.ownerId))).toBe(0);
  });
});

describe("the draw", () => {
  it("is refused while entries are open, to gate staff and to another club", async () => {
    const { event, members: [gate], afterClose } = await ballot(["gate"]);
    const { admin: otherClubAdmin } = await clubWith();
    expect(await runDraw(otherClubAdmin.id, event.slug, "x", afterClose)).toBeNull();
    expect(await runDraw(gate!.id, event.slug, "x", afterClose)).toBeNull();
  });

  it("runs, keeps every run, publishes places and waiting lists in draw order, and e-mails every entrant", async () => {
    const { admin, members: [organiser], event, sessions, ids: [a, b], afterClose } = await ballot(["organiser"]);
    const owners = await ownersWithCars(4);
    const entryIds = await enterAll(event.id, owners, [[a, b], [a, b], [a], [b, a]]);
    expect(await runDraw(admin.id, event.slug, "seed-1")).toEqual({ ok: false, error: "lottery.errors.stillOpen" });
    expect((await getPublicDraw(event.slug, null))?.draw).toBeNull();
    expect(await getPublicDraw(`no-such-${event.slug}`, null)).toBeNull();

    const first = await runDraw(organiser!.id, event.slug, "seed-1", afterClose);
    const second = await runDraw(admin.id, event.slug, "seed-2", afterClose);
    expect(first).toMatchObject({ ok: true });
    const [run] = await db().select().from(draws).where(eq(draws.id, (second as { drawId: string }).drawId));
    expect(await db().$count(draws, eq(draws.eventId, event.id))).toBe(2);
    // The stored result is exactly what anyone re-running the published input and seed gets.
    const rankings = [[a, b], [a, b], [a], [b, a]];
    const rerun = allocate({ seed: "seed-2", sessions: sessions.map((s) => ({ id: s.id, capacity: s.capacity })), entries: entryIds.map((id, i) => ({ id, ranking: rankings[i]! })) });
    expect(rerun.algorithm).toBe(run!.algorithm);
    expect(hashResult(rerun)).toBe(run!.resultHash);
    expect(hashResult(run!.result)).toBe(run!.resultHash);
    expect(run!.stats.entries).toBe(4);
    expect(run!.stats.placed).toBe(3); // A holds 1 and B holds 2: at most three cars get a place
    expect(run!.stats.nothing).toBe(1);

    expect(await publishDraw(admin.id, event.slug, run!.id, afterClose)).toEqual({ ok: true, drawId: run!.id });
    for (const s of run!.result.sessions) {
      const places = await sessionPlaces(s.id);
      expect(places.filter((p) => p.status === "confirmed").map((p) => p.registrationId).sort()).toEqual([...s.placed].sort());
      expect(places.filter((p) => p.status === "waiting").map((p) => p.registrationId)).toEqual(s.waiting);
      expect(places.filter((p) => p.status === "confirmed").length).toBeLessThanOrEqual(s.capacity);
    }
    const positions = await db().select({ id: registrations.id, pos: registrations.drawPosition }).from(registrations).where(eq(registrations.eventId, event.id));
    expect(Object.fromEntries(positions.map((p) => [p.id, p.pos]))).toEqual(Object.fromEntries(run!.result.entries.map((e) => [e.id, e.drawPosition])));
    for (const id of entryIds) expect((await mailJobsFor(id)).filter((j) => j.kind === "drawResult")).toHaveLength(1);

    expect(await publishDraw(admin.id, event.slug, run!.id, afterClose)).toEqual({ ok: false, error: "lottery.errors.alreadyPublished" });
    expect(await runDraw(admin.id, event.slug, "seed-3", afterClose)).toEqual({ ok: false, error: "lottery.errors.alreadyPublished" });
    const shown = await getPublicDraw(event.slug, owners[0]!.ownerId);
    expect(shown?.draw?.seed).toBe("seed-2");
    expect(shown?.draw && "result" in shown.draw).toBe(false);
    expect(shown?.mine).toEqual([{ id: entryIds[0], drawPosition: run!.result.entries.find((e) => e.id === entryIds[0])!.drawPosition }]);
  });

  it("will not publish a run whose entries have changed since", async () => {
    const { admin, event, ids: [a], afterClose } = await ballot();
    const owners = await ownersWithCars(2);
    const [first] = await enterAll(event.id, owners, [[a], [a]]);
    const run = (await runDraw(admin.id, event.slug, "s", afterClose)) as { drawId: string };
    expect(await cancelRegistration(owners[0]!.ownerId, first!)).toMatchObject({ ok: true });
    expect(await publishDraw(admin.id, event.slug, run.drawId, afterClose)).toEqual({ ok: false, error: "lottery.errors.entriesChanged" });
    expect(await db().$count(registrations, sql`${registrations.eventId} = ${event.id} and ${registrations.drawPosition} is not null`)).toBe(0);
  });

  it("is refused for a first-come event", async () => {
    const { admin, club } = await clubWith();
    const { event } = await openEvent({ clubId: club.id });
    await db().update(events).set({ registrationClosesAt: new Date(Date.now() - HOUR) }).where(eq(events.id, event.id));
    expect(await runDraw(admin.id, event.slug, "s")).toEqual({ ok: false, error: "lottery.errors.notLottery" });
  });
});
