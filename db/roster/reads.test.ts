import { beforeAll, describe, expect, it } from "vitest";
import { clubWith } from "@/test/clubs";
import { type Garage, ownersWithCars, registerInOrder } from "@/test/registration";
import { describeCar, query, rosterEvent, setRegistration } from "@/test/roster";
import { cancelRegistration } from "../registrations/writes";
import { getRosterEntry } from "./entry";
import { exportRoster, exportSession } from "./export";
import { getRoster, getRosterEvent } from "./reads";
import { zonedMoment } from "@/lib/time";
import { eq } from "drizzle-orm";
import { db } from "../client";
import { auditLog, registrations, users } from "../schema";

const setSecondDriver = (id: string, name: string) =>
  db().update(registrations).set({ secondDriverName: name }).where(eq(registrations.id, id));

/**
 * A, B, C confirmed in the paddock (capacity 3), D and E waiting there in that order; A and D
 * also confirmed in the GP session; F registered for the GP session and cancelled.
 */
let world: Awaited<ReturnType<typeof rosterEvent>>;
let ids: Record<"a" | "b" | "c" | "d" | "e" | "f", string>;
let garages: Garage[];

beforeAll(async () => {
  world = await rosterEvent([
    { start: "09:00", end: "12:00", capacity: 3 },
    { start: "13:00", end: "14:00", capacity: 5 },
  ]);
  const [paddock, gp] = world.sessions.map((s) => s.id) as [string, string];
  garages = await ownersWithCars(6);
  const [a, b, c, d, e, f] = await registerInOrder(world.event.id, garages, [
    [paddock, gp],
    [paddock],
    [paddock],
    [paddock, gp],
    [paddock],
    [gp],
  ]);
  ids = { a: a!, b: b!, c: c!, d: d!, e: e!, f: f! };
  await describeCar(garages[0]!, { fullName: "Anna Zeller", plate: "M-AZ 1011", vin: "WBSUR9C50BE123456" });
  await describeCar(garages[1]!, { fullName: "Bruno Yilmaz", plate: "HH BY 22", colour: "Alpine White" });
  await describeCar(garages[2]!, {
    fullName: "Carla Xu",
    plate: "NL 33-XYZ",
    colour: "BMW Individual",
    individualColour: "Java Green",
  });
  await describeCar(garages[3]!, {
    fullName: "Dieter Weber",
    plate: "K DW 404",
    model: "bmw-m2-f87",
    colour: "Long Beach Blue",
  });
  await describeCar(garages[4]!, { fullName: "Eva Vogel", plate: "B EV 5" });
  await describeCar(garages[5]!, { fullName: "Frank Ulm", plate: "F FU 6" });
  for (const [i, id] of [ids.a, ids.b, ids.c, ids.d].entries()) await setRegistration(id, { plaque: i + 1 });
  await setRegistration(ids.b, { checkedInAt: zonedMoment(world.event.startsOn, "08:17") });
  await cancelRegistration(garages[5]!.ownerId, ids.f);
});

const read = async (fields: Parameters<typeof query>[0] = {}, userId = world.organiser.id) => {
  const roster = await getRoster(userId, world.event.slug, query(fields));
  if (!roster) throw new Error("roster not readable");
  return roster.data;
};
const idsOf = async (fields: Parameters<typeof query>[0] = {}) => (await read(fields)).rows.map((r) => r.id);

describe("reading the roster", () => {
  it("lists every registration by plaque (cars without one last), with status, places and check-in time", async () => {
    const data = await read();
    expect(data.rows.map((r) => r.id)).toEqual([ids.a, ids.b, ids.c, ids.d, ids.e, ids.f]);
    expect(data.total).toBe(6);
    const [a, b, , d, e, f] = data.rows;
    expect(a).toMatchObject({
      plaque: 1,
      driver: "Anna Zeller",
      car: "BMW 1M Coupé",
      colour: "Valencia Orange",
      plate: "M-AZ 1011",
      status: "confirmed",
      checkedIn: null,
    });
    expect(b).toMatchObject({ status: "confirmed", checkedIn: "08:17" });
    expect(d!.places.map((p) => [p.status, p.position])).toEqual([
      ["waiting", 1],
      ["confirmed", null],
    ]);
    expect(d).toMatchObject({ car: "BMW M2", colour: "Long Beach Blue", status: "confirmed" });
    expect(e).toMatchObject({ status: "waiting", places: [{ status: "waiting", position: 2 }] });
    expect(f).toMatchObject({ status: "cancelled", places: [] });
  });

  it("searches names, e-mail, plates (spaces and dashes ignored), VINs and plaque numbers", async () => {
    expect(await idsOf({ q: "zeller" })).toEqual([ids.a]);
    expect(await idsOf({ q: garages[1]!.email.toUpperCase() })).toEqual([ids.b]);
    expect(await idsOf({ q: "33xyz" })).toEqual([ids.c]);
    expect(await idsOf({ q: "k-dw 404" })).toEqual([ids.d]);
    expect(await idsOf({ q: "be123456" })).toEqual([ids.a]);
    expect(await idsOf({ q: "#4" })).toEqual([ids.d]);
    // A wildcard typed into the box is a character, not a pattern.
    expect(await idsOf({ q: "%" })).toEqual([]);
  });

  it("reads a short number as a plaque only, never as digits inside VINs and plates", async () => {
    // Every car's VIN and plate hold a 1 or a 2; only plaque 1 and plaque 2 are meant.
    expect(await idsOf({ q: "1" })).toEqual([ids.a]);
    expect(await idsOf({ q: "2" })).toEqual([ids.b]);
    expect(await idsOf({ q: "7" })).toEqual([]);
    expect(await idsOf({ q: "404" })).toEqual([]);
    expect(await idsOf({ q: "1011" })).toEqual([ids.a]); // four digits: a plate's number too
  });

  it("finds names without their accents and with the German spellings, as the gate does", async () => {
    await describeCar(garages[4]!, { fullName: "Jörg Müller-Straße" });
    try {
      for (const q of ["muller", "mueller", "Müller", "MUELLER", "jorg", "joerg mull", "strasse", "Müller, Jörg"])
        expect(await idsOf({ q }), q).toEqual([ids.e]);
      expect(await idsOf({ q: "mullr" })).toEqual([]);
    } finally {
      await describeCar(garages[4]!, { fullName: "Eva Vogel" });
    }
  });

  it("filters by session, status, check-in, colour and model", async () => {
    const [paddock, gp] = world.sessions.map((s) => s.id) as [string, string];
    expect(await idsOf({ session: gp })).toEqual([ids.a, ids.d]);
    expect(await idsOf({ session: paddock, status: "waiting" })).toEqual([ids.d, ids.e]);
    expect(await idsOf({ status: "waiting" })).toEqual([ids.e]);
    expect(await idsOf({ status: "cancelled" })).toEqual([ids.f]);
    expect(await idsOf({ status: "confirmed", checkedIn: "no" })).toEqual([ids.a, ids.c, ids.d]);
    expect(await idsOf({ checkedIn: "yes" })).toEqual([ids.b]);
    expect(await idsOf({ colour: "Java Green" })).toEqual([ids.c]);
    expect(await idsOf({ model: "bmw-m2-f87" })).toEqual([ids.d]);
  });

  it("sorts either way and pages through the result", async () => {
    expect(await idsOf({ sort: "driver", dir: "desc" })).toEqual([ids.a, ids.b, ids.c, ids.d, ids.e, ids.f].reverse());
    expect(await idsOf({ sort: "status" })).toEqual([ids.a, ids.b, ids.c, ids.d, ids.e, ids.f]);
    const page2 = await read({ pageSize: 4, page: 2 });
    expect(page2).toMatchObject({ total: 6, pages: 2, page: 2 });
    expect(page2.rows.map((r) => r.id)).toEqual([ids.e, ids.f]);
    expect((await read({ pageSize: 4, page: 9 })).rows).toEqual([]);
  });

  it("counts each session's confirmed cars, capacity and waiting list, and offers the colours and models present", async () => {
    const data = await read();
    expect(data.sessions.map((s) => [s.confirmed, s.capacity, s.waiting])).toEqual([
      [3, 3, 2],
      [2, 5, 0],
    ]);
    expect(data.colours).toEqual(["Alpine White", "Java Green", "Long Beach Blue", "Valencia Orange"]);
    expect(data.models).toEqual([
      { code: "bmw-1m-e82", name: "BMW 1M Coupé" },
      { code: "bmw-m2-f87", name: "BMW M2" },
    ]);
    expect([data.active, data.checkedIn]).toEqual([5, 1]);
  });
});

describe("who may read and export the roster", () => {
  it("admins, organisers and gate staff of the club read it; gate staff may not change or export", async () => {
    expect(await getRosterEvent(world.admin.id, world.event.slug)).toMatchObject({
      canChange: true,
      canExport: true,
      canReadDetails: true,
    });
    expect(await getRosterEvent(world.organiser.id, world.event.slug)).toMatchObject({
      canChange: true,
      canExport: true,
      canReadDetails: true,
    });
    expect(await getRosterEvent(world.gate.id, world.event.slug)).toMatchObject({
      canChange: false,
      canExport: false,
      canReadDetails: false,
    });
    expect(await exportRoster(world.gate.id, world.event.slug)).toBeNull();
    expect(await exportSession(world.gate.id, world.event.slug, world.sessions[0]!.id)).toBeNull();
  });

  it("gate staff get each car's name, car, colour, plate, plaque, places, status and check-in, and no e-mail or VIN", async () => {
    const data = await read({}, world.gate.id);
    expect(data.rows.map((r) => r.id)).toEqual([ids.a, ids.b, ids.c, ids.d, ids.e, ids.f]);
    expect(data.rows[0]).toMatchObject({
      plaque: 1,
      driver: "Anna Zeller",
      car: "BMW 1M Coupé",
      colour: "Valencia Orange",
      plate: "M-AZ 1011",
      status: "confirmed",
    });
    const text = JSON.stringify(data);
    for (const g of garages) expect(text).not.toContain(g.email);
    expect(text).not.toContain("WBSUR9C50BE123456");
    expect(data.rows.every((r) => r.email === null)).toBe(true);
  });

  it("gate staff cannot search by e-mail, VIN or second driver (an oracle); organisers can", async () => {
    await setSecondDriver(ids.c, "Zora Quist");
    for (const q of [garages[1]!.email, "be123456", "WBSUR9C50BE123456", "Zora Quist"]) {
      expect((await read({ q }, world.gate.id)).rows).toEqual([]);
      expect((await read({ q }, world.organiser.id)).rows).toHaveLength(1);
    }
    expect((await read({ q: "zeller" }, world.gate.id)).rows.map((r) => r.id)).toEqual([ids.a]);
    expect((await read({ q: "k-dw 404" }, world.gate.id)).rows.map((r) => r.id)).toEqual([ids.d]);
    expect((await read({ q: "#4" }, world.gate.id)).rows.map((r) => r.id)).toEqual([ids.d]);
  });

  it("a driver without a name shows gate staff no e-mail in its place", async () => {
    const [nameless] = await ownersWithCars(1);
    await db()
      .update(users)
      .set({ fullName: null, displayName: null, name: null })
      .where(eq(users.id, nameless!.ownerId));
    const [id] = await registerInOrder(world.event.id, [nameless!], [[world.sessions[1]!.id]]);
    try {
      const row = async (userId: string) => (await read({ pageSize: 200 }, userId)).rows.find((r) => r.id === id)!;
      expect((await row(world.organiser.id)).driver).toBe(nameless!.email);
      expect((await row(world.gate.id)).driver).toBe("");
      // An audit entry about the car, made by a club member with no full name either.
      await db().insert(auditLog).values({
        eventId: world.event.id,
        registrationId: id!,
        actorId: nameless!.ownerId,
        action: "remove",
        reason: "test",
      });
      expect(JSON.stringify(await getRosterEntry(world.gate.id, world.event.slug, id!))).not.toContain(nameless!.email);
      const organiserView = await getRosterEntry(world.organiser.id, world.event.slug, id!);
      expect(organiserView?.history[0]).toMatchObject({ actor: nameless!.email, driver: nameless!.email });
    } finally {
      await db().delete(auditLog).where(eq(auditLog.registrationId, id!));
      await db().delete(registrations).where(eq(registrations.id, id!));
    }
  });

  it("the entry page gives gate staff no e-mail, VIN or second driver; organisers get them", async () => {
    await setSecondDriver(ids.a, "Otto Second");
    const forGate = await getRosterEntry(world.gate.id, world.event.slug, ids.a);
    expect(forGate).toMatchObject({
      row: { driver: "Anna Zeller", plate: "M-AZ 1011", email: null },
      vin: null,
      secondDriver: null,
    });
    const text = JSON.stringify(forGate);
    expect(text).not.toContain(garages[0]!.email);
    expect(text).not.toContain("WBSUR9C50BE123456");
    expect(text).not.toContain("Otto Second");
    expect(await getRosterEntry(world.organiser.id, world.event.slug, ids.a)).toMatchObject({
      row: { email: garages[0]!.email },
      vin: "WBSUR9C50BE123456",
      secondDriver: "Otto Second",
    });
  });

  it("another club's organiser and an owner find nothing", async () => {
    const other = await clubWith(["organiser"]);
    expect(await getRoster(other.members[0]!.id, world.event.slug, query())).toBeNull();
    expect(await getRoster(other.admin.id, world.event.slug, query())).toBeNull();
    expect(await getRoster(garages[0]!.ownerId, world.event.slug, query())).toBeNull();
    expect(await exportRoster(other.admin.id, world.event.slug)).toBeNull();
  });

  it("exports every car, and one session's list with the waiting positions", async () => {
    const all = await exportRoster(world.organiser.id, world.event.slug);
    expect(all?.rows.map((r) => r.id)).toEqual([ids.a, ids.b, ids.c, ids.d, ids.e, ids.f]);
    const paddock = await exportSession(world.admin.id, world.event.slug, world.sessions[0]!.id);
    expect(paddock?.rows.map((r) => [r.plaque, r.status, r.waitingPosition])).toEqual([
      [1, "confirmed", null],
      [2, "confirmed", null],
      [3, "confirmed", null],
      [4, "waiting", 1],
      [null, "waiting", 2],
    ]);
    expect(paddock?.rows[2]).toMatchObject({ driver: "Carla Xu", colour: "Java Green", plate: "NL 33-XYZ" });
  });
});
