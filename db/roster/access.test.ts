import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { clubWith } from "@/test/clubs";
import { type Garage, ownersWithCars, registerInOrder } from "@/test/registration";
import { query } from "@/test/roster";
import { ANNA_ROW, rosterWorld } from "@/test/roster-world";
import { db } from "../client";
import { auditLog, registrations, users } from "../schema";
import { getRosterEntry } from "./entry";
import { exportRoster, exportSession } from "./export";
import { getRoster, getRosterEvent } from "./reads";

// Who may read and export the roster, and what gate staff see of it (the event: test/roster-world.ts).
const VIN = "WBSUR9C50BE654321";
const setSecondDriver = (id: string, name: string) =>
  db().update(registrations).set({ secondDriverName: name }).where(eq(registrations.id, id));

let world: Awaited<ReturnType<typeof rosterWorld>>["world"];
let ids: Awaited<ReturnType<typeof rosterWorld>>["ids"];
let garages: Garage[];

beforeAll(async () => {
  ({ world, ids, garages } = await rosterWorld(VIN));
});

const read = async (fields: Parameters<typeof query>[0] = {}, userId = world.organiser.id) => {
  const roster = await getRoster(userId, world.event.slug, query(fields));
  if (!roster) throw new Error("roster not readable");
  return roster.data;
};

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
    expect(data.rows[0]).toMatchObject(ANNA_ROW);
    const text = JSON.stringify(data);
    for (const g of garages) expect(text).not.toContain(g.email);
    expect(text).not.toContain(VIN);
    expect(data.rows.every((r) => r.email === null)).toBe(true);
  });

  it("gate staff cannot search by e-mail, VIN or second driver (an oracle); organisers can", async () => {
    await setSecondDriver(ids.c, "Zora Quist");
    for (const q of [garages[1]!.email, VIN.slice(-8).toLowerCase(), VIN, "Zora Quist"]) {
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
    expect(text).not.toContain(VIN);
    expect(text).not.toContain("Otto Second");
    expect(await getRosterEntry(world.organiser.id, world.event.slug, ids.a)).toMatchObject({
      row: { email: garages[0]!.email },
      vin: VIN,
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
