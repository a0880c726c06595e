import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { addDays, zonedMoment } from "@/lib/time";
import { addChecklistItem, attempt, cancel, gateEvent, SCAN_DAY } from "@/test/check-in";
import { createOwner } from "@/test/owners";
import { db } from "../client";
import { checkIns, users } from "../schema";
import { getCheckInCopy, getCheckInCounts, getGateEvent } from "./reads";
import { checkIn } from "./writes";

const HOUR = 3_600_000;
const rowsOf = (registrationId: string) =>
  db().select().from(checkIns).where(eq(checkIns.registrationId, registrationId));

describe("who may work the gate", () => {
  let world: Awaited<ReturnType<typeof gateEvent>>;
  beforeAll(async () => {
    world = await gateEvent([
      ["c", null],
      ["c", null],
      ["c", null],
    ]);
  });

  it("gate staff, organisers and admins of the event's club", async () => {
    for (const [i, user] of [world.gate, world.organiser, world.admin].entries()) {
      expect(await getGateEvent(user.id, world.event.slug)).toMatchObject({ id: world.event.id });
      expect(await checkIn(user.id, world.event.slug, attempt(world.ids[i]!))).toMatchObject({
        ok: true,
        accepted: true,
      });
    }
  });

  it("not a car's owner, nor gate staff of another club: the event is not found", async () => {
    const other = await gateEvent([]);
    const stranger = await createOwner("stranger");
    for (const userId of [world.garages[0]!.ownerId, other.gate.id, other.admin.id, stranger.id]) {
      expect(await getGateEvent(userId, world.event.slug)).toBeNull();
      expect(await checkIn(userId, world.event.slug, attempt(world.ids[0]!))).toBeNull();
    }
  });
});

describe("checking a car in", () => {
  it("is idempotent: a resend under the same client id counts once and answers the same", async () => {
    const w = await gateEvent([["c", "c"]]);
    const sent = attempt(w.ids[0]!, 5);
    const first = await checkIn(w.gate.id, w.event.slug, sent);
    expect(await checkIn(w.gate.id, w.event.slug, sent)).toEqual(first);
    expect(first).toMatchObject({ ok: true, accepted: true, state: { checkedInAt: sent.scannedAt.toISOString() } });
    expect(await rowsOf(w.ids[0]!)).toHaveLength(1);
    expect((await getGateEvent(w.gate.id, w.event.slug).then((e) => getCheckInCounts(e!))).checkedIn).toBe(1);
  });

  it("keeps the earliest of two phones' offline check-ins, whichever arrives first, and tells the later one", async () => {
    const w = await gateEvent([["c", null]]);
    await db().update(users).set({ displayName: "Anna at gate 1" }).where(eq(users.id, w.gate.id));
    const early = attempt(w.ids[0]!, 2);
    const late = attempt(w.ids[0]!, 9);
    expect(await checkIn(w.organiser.id, w.event.slug, late)).toMatchObject({ ok: true, accepted: true });
    const winner = await checkIn(w.gate.id, w.event.slug, early);
    expect(winner).toEqual({
      ok: true,
      accepted: true,
      state: { registrationId: w.ids[0], checkedInAt: early.scannedAt.toISOString(), checkedInBy: "Anna at gate 1" },
    });
    // The later phone resends (it never heard back): it is told that an earlier check-in stands.
    expect(await checkIn(w.organiser.id, w.event.slug, late)).toEqual({
      ok: true,
      accepted: false,
      state: winner?.ok && winner.state,
    });
    expect((await rowsOf(w.ids[0]!)).filter((r) => r.accepted).map((r) => r.clientId)).toEqual([early.clientId]);
    const counts = await getCheckInCounts((await getGateEvent(w.gate.id, w.event.slug))!);
    expect(counts).toMatchObject({ checkedIn: 1, total: 1 });
  });

  it("resolves many phones racing for one car to the earliest scan", async () => {
    const w = await gateEvent([["c", null]]);
    const attempts = [7, 3, 11, 3, 5, 20].map((m) => attempt(w.ids[0]!, m));
    const outcomes = await Promise.all(attempts.map((a) => checkIn(w.gate.id, w.event.slug, a)));
    expect(outcomes.every((o) => o?.ok)).toBe(true);
    const accepted = (await rowsOf(w.ids[0]!)).filter((r) => r.accepted);
    expect(accepted).toHaveLength(1);
    expect(accepted[0]!.scannedAt.toISOString()).toBe(new Date(Date.UTC(2026, 5, 13, 7, 3)).toISOString());
  });

  it("refuses cancelled, waiting-only, place-less and other events' registrations, writing nothing", async () => {
    const w = await gateEvent([
      ["c", null],
      ["w", null],
      [null, null],
    ]);
    const other = await gateEvent([["c", null]]);
    await cancel(w.ids[0]!);
    for (const [id, reason] of [
      [w.ids[0]!, "cancelled"],
      [w.ids[1]!, "waitingOnly"],
      [w.ids[2]!, "notRegistered"],
      [other.ids[0]!, "notRegistered"],
      [randomUUID(), "notRegistered"],
      ["not-a-uuid", "notRegistered"],
    ]) {
      expect(await checkIn(w.gate.id, w.event.slug, attempt(id!))).toEqual({ ok: false, error: reason });
    }
    expect(await db().$count(checkIns, eq(checkIns.eventId, w.event.id))).toBe(0);
  });

  it("answers another event's registration, or another event's client id, exactly like an unknown id, writing nothing", async () => {
    const w = await gateEvent([
      ["c", null],
      ["c", null],
    ]);
    const other = await gateEvent([["c", null]]);
    await db().update(users).set({ displayName: "Their gate" }).where(eq(users.id, other.gate.id));
    const theirs = attempt(other.ids[0]!, 4);
    expect(await checkIn(other.gate.id, other.event.slug, theirs)).toMatchObject({ ok: true, accepted: true });
    const unknown = await checkIn(w.gate.id, w.event.slug, attempt(randomUUID()));
    expect(unknown).toEqual({ ok: false, error: "notRegistered" });
    for (const sent of [attempt(other.ids[0]!), theirs, { ...attempt(w.ids[0]!), clientId: theirs.clientId }]) {
      expect(await checkIn(w.gate.id, w.event.slug, sent)).toEqual(unknown);
    }
    // A client id this event already used for another car is no resend of it either.
    const mine = attempt(w.ids[0]!, 1);
    await checkIn(w.gate.id, w.event.slug, mine);
    expect(await checkIn(w.gate.id, w.event.slug, { ...attempt(w.ids[1]!), clientId: mine.clientId })).toEqual(unknown);
    expect((await db().select().from(checkIns).where(eq(checkIns.eventId, w.event.id))).map((r) => r.clientId)).toEqual(
      [mine.clientId],
    );
    expect(await rowsOf(w.ids[1]!)).toEqual([]);
    expect((await rowsOf(other.ids[0]!)).map((r) => [r.clientId, r.accepted])).toEqual([[theirs.clientId, true]]);
  });

  it("records a scan from before the gate opened (00:00 Berlin the day before the first day) at its arrival: it cannot beat a genuine scan", async () => {
    const w = await gateEvent([
      ["c", null],
      ["c", null],
    ]);
    const opens = zonedMoment(addDays(SCAN_DAY, -1), "00:00");
    const now = new Date(opens.getTime() + 30 * HOUR);
    const genuine = { ...attempt(w.ids[0]!), scannedAt: new Date(opens.getTime() + 29 * HOUR) };
    expect(await checkIn(w.gate.id, w.event.slug, genuine, now)).toMatchObject({
      ok: true,
      accepted: true,
      state: { checkedInAt: genuine.scannedAt.toISOString() },
    });
    const backdated = { ...attempt(w.ids[0]!), scannedAt: new Date(opens.getTime() - 60_000) };
    expect(await checkIn(w.gate.id, w.event.slug, backdated, now)).toMatchObject({
      ok: true,
      accepted: false,
      state: { checkedInAt: genuine.scannedAt.toISOString() },
    });
    const resetClock = { ...attempt(w.ids[1]!), scannedAt: new Date("2000-01-01T00:00:00Z") };
    expect(await checkIn(w.gate.id, w.event.slug, resetClock, now)).toMatchObject({
      ok: true,
      accepted: true,
      state: { checkedInAt: now.toISOString() },
    });
    expect((await rowsOf(w.ids[1]!))[0]?.scannedAt).toEqual(now);
  });

  it("keeps a scan time from the gate's opening on", async () => {
    const w = await gateEvent([["c", null]]);
    const opens = zonedMoment(addDays(SCAN_DAY, -1), "00:00");
    const sent = { ...attempt(w.ids[0]!), scannedAt: opens };
    expect(await checkIn(w.gate.id, w.event.slug, sent, new Date(opens.getTime() + HOUR))).toMatchObject({
      ok: true,
      state: { checkedInAt: opens.toISOString() },
    });
  });

  it("takes a scan time in the future as now", async () => {
    const w = await gateEvent([["c", null]]);
    const now = new Date(Date.UTC(2026, 5, 13, 8));
    const outcome = await checkIn(
      w.gate.id,
      w.event.slug,
      { ...attempt(w.ids[0]!), scannedAt: new Date(now.getTime() + 3_600_000) },
      now,
    );
    expect(outcome).toMatchObject({ ok: true, state: { checkedInAt: now.toISOString() } });
  });

  it("requires the event's required checklist items to be ticked, and records the ticks", async () => {
    const w = await gateEvent([["c", null]]);
    const noise = await addChecklistItem(w.event.id, "Noise test passed", true);
    const rules = await addChecklistItem(w.event.id, "Rules signed", false);
    expect(await checkIn(w.gate.id, w.event.slug, attempt(w.ids[0]!, 1, { ticks: [rules.id] }))).toEqual({
      ok: false,
      error: "checklist",
    });
    expect(
      await checkIn(w.gate.id, w.event.slug, attempt(w.ids[0]!, 2, { ticks: [noise.id, randomUUID()] })),
    ).toMatchObject({ ok: true, accepted: true });
    const copy = await getCheckInCopy((await getGateEvent(w.gate.id, w.event.slug))!);
    expect(copy.checklist.map((i) => [i.label, i.required])).toEqual([
      ["Noise test passed", true],
      ["Rules signed", false],
    ]);
  });
});
