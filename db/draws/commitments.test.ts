import { eq, sql } from "drizzle-orm";
import { describe, expect, expectTypeOf, it } from "vitest";
import { seedCommitment } from "@/lib/lottery";
import { clubEvent } from "@/test/clubs";
import { ballot, committedSeed, enterAll, entry } from "@/test/lottery";
import { ownersWithCars } from "@/test/registration";
import { db } from "../client";
import { publishDraw, runDraw } from "./writes";
import { getDrawAdmin, getPublicDraw } from "./reads";
import { changeEntry, enterLottery } from "../registrations/lottery-entries";
import { cancelRegistration } from "../registrations/writes";
import { clubs, drawCommitments, draws, events } from "../schema";

const HOUR = 3600_000;
const drawIdOf = (result: unknown) => (result as { drawId: string }).drawId;
/** The database's refusal, unwrapped from Drizzle's "Failed query" error. */
const refusal = (query: PromiseLike<unknown>) =>
  Promise.resolve(query).then(
    () => "accepted",
    (e: { cause?: { message?: string } }) => e.cause?.message ?? String(e),
  );

describe("the draw's seed commitment", () => {
  it("exists as soon as the event does; its SHA-256 is public before any entry, the seed is not", async () => {
    const { admin, event } = await ballot();
    const seed = await committedSeed(event.id);
    expect(seed).toMatch(/^[0-9a-f]{64}$/);
    const shown = await getPublicDraw(event.slug, null);
    expect(shown?.commitment).toMatchObject({ seedHash: seedCommitment(seed!), inAdvance: true });
    expect(shown?.runs).toEqual([]);
    const organiserView = await getDrawAdmin(admin.id, event.slug);
    expect(organiserView?.commitment?.seedHash).toBe(seedCommitment(seed!));
    // Neither the public page nor the organiser's page can show the seed before the first run.
    expect(JSON.stringify(shown)).not.toContain(seed);
    expect(JSON.stringify(organiserView)).not.toContain(seed);
  });

  it("is made for an event the organiser creates, a fresh seed for each event", async () => {
    const { admin, club, event: other } = await ballot();
    const { event } = await clubEvent(admin.id, club.id, { allocation: "lottery" });
    const seed = await committedSeed(event.id);
    expect(seed).toMatch(/^[0-9a-f]{64}$/);
    expect(seed).not.toBe(await committedSeed(other.id));
  });

  it("is the only seed a run can use: runDraw takes none, and the database refuses any other", async () => {
    expectTypeOf(runDraw).parameters.toEqualTypeOf<[userId: string, slug: string, now?: Date]>();
    const {
      admin,
      event,
      ids: [a],
      afterClose,
    } = await ballot();
    await enterAll(event.id, await ownersWithCars(2), [[a], [a]]);
    const [run] = await db()
      .select()
      .from(draws)
      .where(eq(draws.id, drawIdOf(await runDraw(admin.id, event.slug, afterClose))));
    expect(run!.seed).toBe(await committedSeed(event.id));
    const { id: _id, ...copy } = run!;
    expect(
      await refusal(
        db()
          .insert(draws)
          .values({ ...copy, seed: "chosen-by-hand" }),
      ),
    ).toMatch(/must use its committed seed/);
  });

  it("lists every run publicly with its seed; a re-run differs only because the entries did", async () => {
    const {
      admin,
      event,
      ids: [a, b],
      afterClose,
    } = await ballot();
    const owners = await ownersWithCars(3);
    const [gone] = await enterAll(event.id, owners, [[a, b], [a], [b]]);
    const first = drawIdOf(await runDraw(admin.id, event.slug, afterClose));
    expect(await cancelRegistration(owners[0]!.ownerId, gone!)).toMatchObject({ ok: true });
    expect(await publishDraw(admin.id, event.slug, first, afterClose)).toEqual({
      ok: false,
      error: "lottery.errors.entriesChanged",
    });
    const second = drawIdOf(await runDraw(admin.id, event.slug, afterClose));
    expect(await publishDraw(admin.id, event.slug, second, afterClose)).toMatchObject({ ok: true });

    const seed = await committedSeed(event.id);
    const shown = await getPublicDraw(event.slug, null);
    expect(shown?.runs.map((r) => [r.id, r.seed, r.committed, r.stats.entries, Boolean(r.publishedAt)])).toEqual([
      [first, seed, true, 3, false],
      [second, seed, true, 2, true],
    ]);
    expect(shown!.runs[0]!.inputHash).not.toBe(shown!.runs[1]!.inputHash);
    expect(seedCommitment(shown!.runs[1]!.seed)).toBe(shown?.commitment?.seedHash);
    expect(shown?.draw?.id).toBe(second);
    expect(JSON.stringify(shown)).not.toContain(owners[1]!.ownerId);
  });

  it("cannot be changed or removed while its event exists, nor can a run; both go with the event", async () => {
    const {
      admin,
      club,
      event,
      ids: [a],
      afterClose,
    } = await ballot();
    await enterAll(event.id, await ownersWithCars(1), [[a]]);
    const run = drawIdOf(await runDraw(admin.id, event.slug, afterClose));
    await publishDraw(admin.id, event.slug, run, afterClose);
    const other = "0".repeat(64);
    const mine = eq(drawCommitments.eventId, event.id);
    expect(
      await refusal(
        db()
          .update(drawCommitments)
          .set({ seed: other, seedHash: seedCommitment(other) })
          .where(mine),
      ),
    ).toMatch(/cannot be changed/);
    expect(await refusal(db().delete(drawCommitments).where(mine))).toMatch(/cannot be changed/);
    expect(await refusal(db().update(draws).set({ seed: other }).where(eq(draws.id, run)))).toMatch(
      /cannot be changed/,
    );
    expect(await refusal(db().update(draws).set({ publishedAt: null }).where(eq(draws.id, run)))).toMatch(
      /cannot be changed/,
    );
    expect(await refusal(db().delete(draws).where(eq(draws.id, run)))).toMatch(/cannot be changed/);

    // As the demo seed does: the club goes, its events with it, their commitments and runs with them.
    await db().delete(clubs).where(eq(clubs.id, club.id));
    expect(await db().$count(drawCommitments, mine)).toBe(0);
    expect(await db().$count(draws, eq(draws.eventId, event.id))).toBe(0);
  });

  it("freezes the entries once a run has revealed the seed, even if registration is opened again", async () => {
    const {
      admin,
      event,
      ids: [a, b],
      afterClose,
    } = await ballot();
    const owners = await ownersWithCars(2);
    const [first] = await enterAll(event.id, owners.slice(0, 1), [[a]]);
    await runDraw(admin.id, event.slug, afterClose);
    await db()
      .update(events)
      .set({ registrationClosesAt: new Date(Date.now() + HOUR) })
      .where(eq(events.id, event.id));
    expect(await enterLottery(owners[1]!.ownerId, entry(event.id, owners[1]!, [a]))).toMatchObject({
      ok: false,
      error: "errors.registrationClosed",
    });
    expect(await changeEntry(owners[0]!.ownerId, first!, [b])).toMatchObject({ ok: false });
    expect(await runDraw(admin.id, event.slug)).toEqual({ ok: false, error: "lottery.errors.stillOpen" });
  });

  it("will not publish a run whose seed is not the committed one (a run from before commitments)", async () => {
    const {
      admin,
      event,
      ids: [a],
      afterClose,
    } = await ballot();
    await enterAll(event.id, await ownersWithCars(1), [[a]]);
    const [run] = await db()
      .select()
      .from(draws)
      .where(eq(draws.id, drawIdOf(await runDraw(admin.id, event.slug, afterClose))));
    // A run stored before migration 0006, when the organiser typed the seed (triggers off for this one insert).
    const { id: _id, ...copy } = run!;
    const legacy = await db().transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      const [row] = await tx
        .insert(draws)
        .values({ ...copy, seed: "organiser-typed", createdAt: new Date(run!.createdAt.getTime() + 1000) })
        .returning();
      return row!;
    });
    expect(await publishDraw(admin.id, event.slug, legacy.id, afterClose)).toEqual({
      ok: false,
      error: "lottery.errors.seedNotCommitted",
    });
    const shown = await getPublicDraw(event.slug, null);
    expect(shown?.runs.map((r) => [r.seed, r.committed])).toEqual([
      [run!.seed, true],
      ["organiser-typed", false],
    ]);
  });
});
