import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { allocate, hashResult } from "@/lib/lottery";
import { clubWith } from "@/test/clubs";
import { ballot, committedSeed, enterAll, entry } from "@/test/lottery";
import { openEvent, ownersWithCars, sessionPlaces } from "@/test/registration";
import { mailJobsFor } from "@/test/mail";
import { db } from "../client";
import { publishDraw, runDraw } from "./writes";
import { getPublicDraw } from "./reads";
import { changeEntry, choicesOf, enterLottery } from "../registrations/lottery-entries";
import { cancelRegistration } from "../registrations/writes";
import { draws, events, registrations } from "../schema";

const HOUR = 3600_000;

describe("ballot entries", () => {
  it("keep the ranking, queue an entry mail, and replay to the same entry", async () => {
    const {
      event,
      ids: [a, b],
    } = await ballot();
    const [owner] = await ownersWithCars(1);
    const input = entry(event.id, owner!, [b, a]);
    const first = await enterLottery(owner!.ownerId, input);
    expect(first.ok).toBe(true);
    expect(await enterLottery(owner!.ownerId, input)).toMatchObject({
      ok: true,
      registrationId: (first as { registrationId: string }).registrationId,
    });
    const id = (first as { registrationId: string }).registrationId;
    expect((await choicesOf(id)).map((c) => [c.rank, c.sessionId])).toEqual([
      [1, b],
      [2, a],
    ]);
    expect((await mailJobsFor(id)).map((j) => [j.task, j.kind])).toEqual([["sendMail", "entryReceived"]]);
    expect(await changeEntry(owner!.ownerId, id, [a])).toMatchObject({ ok: true, registrationId: id });
    expect((await choicesOf(id)).map((c) => c.sessionId)).toEqual([a]);
  });

  it("refuse clashing choices, a first-come event, and a closed ballot, writing nothing", async () => {
    const {
      event,
      ids: [a, , c],
    } = await ballot();
    const [owner] = await ownersWithCars(1);
    expect(await enterLottery(owner!.ownerId, entry(event.id, owner!, [a, c]))).toEqual({
      ok: false,
      field: "choice1",
      error: "errors.sessionsClash",
    });
    const fcfs = await openEvent();
    expect(await enterLottery(owner!.ownerId, entry(fcfs.event.id, owner!, [fcfs.sessions[0]!.id]))).toEqual({
      ok: false,
      field: "form",
      error: "errors.registrationClosed",
    });
    const late = new Date(event.registrationClosesAt.getTime() + 1000);
    expect(await enterLottery(owner!.ownerId, entry(event.id, owner!, [a]), late)).toMatchObject({
      ok: false,
      error: "errors.registrationClosed",
    });
    expect(await db().$count(registrations, eq(registrations.ownerId, owner!.ownerId))).toBe(0);
  });
});

describe("the draw", () => {
  it("is refused while entries are open, to gate staff and to another club", async () => {
    const {
      event,
      members: [gate],
      afterClose,
    } = await ballot(["gate"]);
    const { admin: otherClubAdmin } = await clubWith();
    expect(await runDraw(otherClubAdmin.id, event.slug, afterClose)).toBeNull();
    expect(await runDraw(gate!.id, event.slug, afterClose)).toBeNull();
  });

  it("runs with the committed seed, publishes places and waiting lists in draw order, and e-mails every entrant", async () => {
    const {
      admin,
      members: [organiser],
      event,
      sessions,
      ids: [a, b],
      afterClose,
    } = await ballot(["organiser"]);
    const owners = await ownersWithCars(4);
    const entryIds = await enterAll(event.id, owners, [[a, b], [a, b], [a], [b, a]]);
    expect(await runDraw(admin.id, event.slug)).toEqual({ ok: false, error: "lottery.errors.stillOpen" });
    expect((await getPublicDraw(event.slug, null))?.draw).toBeNull();
    expect(await getPublicDraw(`no-such-${event.slug}`, null)).toBeNull();

    const first = await runDraw(organiser!.id, event.slug, afterClose);
    expect(first).toMatchObject({ ok: true });
    // The seed is fixed, so running again on the same entries is the same run, not a new one.
    expect(await runDraw(admin.id, event.slug, afterClose)).toEqual(first);
    const [run] = await db()
      .select()
      .from(draws)
      .where(eq(draws.id, (first as { drawId: string }).drawId));
    expect(await db().$count(draws, eq(draws.eventId, event.id))).toBe(1);
    const seed = await committedSeed(event.id);
    expect(run!.seed).toBe(seed);
    // The stored result is exactly what anyone re-running the published input and seed gets.
    const rankings = [[a, b], [a, b], [a], [b, a]];
    const rerun = allocate({
      seed: seed!,
      sessions: sessions.map((s) => ({ id: s.id, capacity: s.capacity })),
      entries: entryIds.map((id, i) => ({ id, ranking: rankings[i]! })),
    });
    expect(rerun.algorithm).toBe(run!.algorithm);
    expect(hashResult(rerun)).toBe(run!.resultHash);
    expect(hashResult(run!.result)).toBe(run!.resultHash);
    expect(run!.stats.entries).toBe(4);
    expect(run!.stats.placed).toBe(3); // A holds 1 and B holds 2: at most three cars get a place
    expect(run!.stats.nothing).toBe(1);

    expect(await publishDraw(admin.id, event.slug, run!.id, afterClose)).toEqual({ ok: true, drawId: run!.id });
    for (const s of run!.result.sessions) {
      const places = await sessionPlaces(s.id);
      expect(
        places
          .filter((p) => p.status === "confirmed")
          .map((p) => p.registrationId)
          .sort(),
      ).toEqual([...s.placed].sort());
      expect(places.filter((p) => p.status === "waiting").map((p) => p.registrationId)).toEqual(s.waiting);
      expect(places.filter((p) => p.status === "confirmed").length).toBeLessThanOrEqual(s.capacity);
    }
    const positions = await db()
      .select({ id: registrations.id, pos: registrations.drawPosition })
      .from(registrations)
      .where(eq(registrations.eventId, event.id));
    expect(Object.fromEntries(positions.map((p) => [p.id, p.pos]))).toEqual(
      Object.fromEntries(run!.result.entries.map((e) => [e.id, e.drawPosition])),
    );
    for (const id of entryIds) expect((await mailJobsFor(id)).filter((j) => j.kind === "drawResult")).toHaveLength(1);

    expect(await publishDraw(admin.id, event.slug, run!.id, afterClose)).toEqual({
      ok: false,
      error: "lottery.errors.alreadyPublished",
    });
    expect(await runDraw(admin.id, event.slug, afterClose)).toEqual({
      ok: false,
      error: "lottery.errors.alreadyPublished",
    });
    const shown = await getPublicDraw(event.slug, owners[0]!.ownerId);
    expect(shown?.draw?.seed).toBe(seed);
    expect(shown?.draw && "result" in shown.draw).toBe(false);
    expect(shown?.mine).toEqual([
      { id: entryIds[0], drawPosition: run!.result.entries.find((e) => e.id === entryIds[0])!.drawPosition },
    ]);
  });

  it("will not publish a run whose entries have changed since", async () => {
    const {
      admin,
      event,
      ids: [a],
      afterClose,
    } = await ballot();
    const owners = await ownersWithCars(2);
    const [first] = await enterAll(event.id, owners, [[a], [a]]);
    const run = (await runDraw(admin.id, event.slug, afterClose)) as { drawId: string };
    expect(await cancelRegistration(owners[0]!.ownerId, first!)).toMatchObject({ ok: true });
    expect(await publishDraw(admin.id, event.slug, run.drawId, afterClose)).toEqual({
      ok: false,
      error: "lottery.errors.entriesChanged",
    });
    expect(
      await db().$count(
        registrations,
        sql`${registrations.eventId} = ${event.id} and ${registrations.drawPosition} is not null`,
      ),
    ).toBe(0);
  });

  it("is refused for a first-come event", async () => {
    const { admin, club } = await clubWith();
    const { event } = await openEvent({ clubId: club.id });
    await db()
      .update(events)
      .set({ registrationClosesAt: new Date(Date.now() - HOUR) })
      .where(eq(events.id, event.id));
    expect(await runDraw(admin.id, event.slug)).toEqual({ ok: false, error: "lottery.errors.notLottery" });
  });
});
