import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { countCheckIns } from "@/lib/check-in/counts";
import { searchCars } from "@/lib/check-in/search";
import { attempt, cancel, gateEvent } from "@/test/check-in";
import { db } from "../client";
import { cars, users } from "../schema";
import { getCheckInChanges, getCheckInCopy, getCheckInCounts, getGateEvent } from "./reads";
import { checkIn } from "./writes";

describe("the gate's copy and counts", () => {
  it("count confirmed cars overall and per session, as the phone's own count does", async () => {
    const w = await gateEvent([
      ["c", "c"],
      ["c", null],
      ["w", "c"],
      ["w", null],
      ["c", null],
    ]);
    await cancel(w.ids[4]!);
    await checkIn(w.gate.id, w.event.slug, attempt(w.ids[0]!));
    await checkIn(w.gate.id, w.event.slug, attempt(w.ids[2]!));
    const event = (await getGateEvent(w.gate.id, w.event.slug))!;
    const counts = await getCheckInCounts(event);
    expect(counts).toEqual({
      checkedIn: 2,
      total: 3,
      sessions: [
        { id: w.sessions[0]!.id, name: w.sessions[0]!.name, checkedIn: 1, total: 2 },
        { id: w.sessions[1]!.id, name: w.sessions[1]!.name, checkedIn: 2, total: 2 },
      ],
    });
    const copy = await getCheckInCopy(event);
    expect(countCheckIns(copy.cars, copy.sessions)).toEqual(counts);
  });

  it("hold no e-mail or VIN, and the event's ticket key", async () => {
    const w = await gateEvent([["c", null]]);
    const copy = await getCheckInCopy((await getGateEvent(w.gate.id, w.event.slug))!);
    const text = JSON.stringify(copy);
    expect(text).not.toContain(w.garages[0]!.email);
    const [car] = await db().select({ vin: cars.vin }).from(cars).where(eq(cars.id, w.garages[0]!.carIds[0]!));
    expect(car?.vin).toBeTruthy();
    expect(text).not.toContain(car!.vin);
    expect(copy.ticketKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(copy.cars[0]).toMatchObject({
      plaque: 1,
      driver: "Racer 0",
      car: "BMW 1M Coupé",
      colour: "Valencia Orange",
      plate: "RM 0-0",
      cancelled: false,
    });
  });

  it("show the short display name but let the gate find a driver by full name, umlauts folded", async () => {
    const w = await gateEvent([
      ["c", null],
      ["c", null],
      ["c", null],
    ]);
    const names = [
      ["Stefan Schulz", "Stefan S."],
      ["Jürgen Müller", "Jürgen M."],
      ["Petra Straßer", "Petra"],
    ] as const;
    for (const [i, [fullName, displayName]] of names.entries())
      await db().update(users).set({ fullName, displayName }).where(eq(users.id, w.garages[i]!.ownerId));
    const copy = await getCheckInCopy((await getGateEvent(w.gate.id, w.event.slug))!);
    expect(copy.cars.map((c) => c.driver)).toEqual(["Stefan S.", "Jürgen M.", "Petra"]);
    const find = (q: string) => searchCars(copy.cars, q).map((c) => c.plaque);
    expect(find("Schulz")).toEqual([1]);
    for (const q of ["muller", "Mueller", "Müller"]) expect(find(q), q).toEqual([2]);
    expect(find("strasser")).toEqual([3]);
    expect(JSON.stringify(copy)).not.toContain(w.garages[0]!.email);
  });

  it("report the cars checked in since a moment, for the live poll", async () => {
    const w = await gateEvent([
      ["c", null],
      ["c", null],
    ]);
    const event = (await getGateEvent(w.gate.id, w.event.slug))!;
    await checkIn(w.gate.id, w.event.slug, attempt(w.ids[0]!));
    const since = new Date();
    await new Promise((r) => setTimeout(r, 5));
    await checkIn(w.gate.id, w.event.slug, attempt(w.ids[1]!));
    expect((await getCheckInChanges(event, since)).map((s) => s.registrationId)).toEqual([w.ids[1]]);
  });

  it("report no other event's check-ins", async () => {
    const w = await gateEvent([["c", null]]);
    const other = await gateEvent([["c", null]]);
    const since = new Date(Date.now() - 1000);
    await checkIn(other.gate.id, other.event.slug, attempt(other.ids[0]!));
    expect(await getCheckInChanges((await getGateEvent(w.gate.id, w.event.slug))!, since)).toEqual([]);
    expect(await getCheckInChanges((await getGateEvent(other.gate.id, other.event.slug))!, since)).toHaveLength(1);
  });
});
