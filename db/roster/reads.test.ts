import { beforeAll, describe, expect, it } from "vitest";
import type { Garage } from "@/test/registration";
import { describeCar, query } from "@/test/roster";
import { ANNA_ROW, rosterWorld } from "@/test/roster-world";
import { getRoster } from "./reads";

// Reading, searching, filtering and counting the roster, as its organiser (test/roster-world.ts
// says who is registered where); who may read it at all: access.test.ts.
let world: Awaited<ReturnType<typeof rosterWorld>>["world"];
let ids: Awaited<ReturnType<typeof rosterWorld>>["ids"];
let garages: Garage[];

beforeAll(async () => {
  ({ world, ids, garages } = await rosterWorld("WBSUR9C50BE123456"));
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
    expect(a).toMatchObject({ ...ANNA_ROW, checkedIn: null });
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
