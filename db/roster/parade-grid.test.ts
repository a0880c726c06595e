import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { clubMeet, clubWith } from "@/test/clubs";
import { form, ownersWithCars } from "@/test/registration";
import { db } from "../client";
import { cancelRegistration, registerCar } from "../registrations/writes";
import { auditLog, cars, registrations } from "../schema";
import { generateGrid, getGrid, saveGrid } from "./parade-grid";

const COLOURS = ["Valencia Orange", "Alpine White", "Valencia Orange", "Sapphire Black", "Alpine White"];

/** A Corso of five confirmed cars with plaques 5..1 (so plaque order reverses arrival) in mixed colours. */
async function corso() {
  const { admin, gate, event, sessions } = await clubMeet([{ start: "18:00", end: "19:00", capacity: 10 }]);
  const owners = await ownersWithCars(5);
  const ids: string[] = [];
  for (const [i, g] of owners.entries()) {
    await db().update(cars).set({ colour: COLOURS[i]! }).where(eq(cars.id, g.carIds[0]!));
    const r = await registerCar(g.ownerId, form(event.id, g.carIds[0]!, [sessions[0]!.id]));
    if (!r.ok) throw new Error(r.error);
    await db()
      .update(registrations)
      .set({ plaque: 5 - i })
      .where(eq(registrations.id, r.registrationId));
    ids.push(r.registrationId);
  }
  return { admin, gate: gate!, owners, event, session: sessions[0]!, ids };
}
const order = async (userId: string, slug: string, sessionId: string) =>
  (await getGrid(userId, slug, sessionId))!.grid.map((e) => (e.kind === "pace" ? "pace" : e.car.plaque));

describe("parade grids", () => {
  it("start in plaque order behind the pace car, and generate colour blocks in the chosen order", async () => {
    const { admin, event, session } = await corso();
    expect(await order(admin.id, event.slug, session.id)).toEqual(["pace", 1, 2, 3, 4, 5]);
    expect(
      await generateGrid(admin.id, event.slug, session.id, {
        kind: "colour-blocks",
        colourOrder: ["Alpine White", "Valencia Orange"],
      }),
    ).toEqual({ ok: true });
    // White: plaques 4 and 1 → 1, 4; orange: 5 and 3 → 3, 5; black last.
    expect(await order(admin.id, event.slug, session.id)).toEqual(["pace", 1, 4, 3, 5, 2]);
    const [entry] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.eventId, event.id), eq(auditLog.action, "grid.save")));
    expect(entry).toMatchObject({ actorId: admin.id, detail: { mode: "colour-blocks", cars: 5 } });
  });

  it("refuse a saved order that misses or repeats a car, and repair a saved one when cars leave", async () => {
    const { admin, owners, event, session, ids } = await corso();
    expect(await saveGrid(admin.id, event.slug, session.id, ids.slice(1), { kind: "manual" })).toEqual({
      ok: false,
      error: "errors.gridStale",
    });
    expect(await saveGrid(admin.id, event.slug, session.id, [...ids, ids[0]!], { kind: "manual" })).toEqual({
      ok: false,
      error: "errors.gridStale",
    });
    expect(await saveGrid(admin.id, event.slug, session.id, [...ids].reverse(), { kind: "manual" })).toEqual({
      ok: true,
    });
    expect(await order(admin.id, event.slug, session.id)).toEqual(["pace", 1, 2, 3, 4, 5]);
    await cancelRegistration(owners[2]!.ownerId, ids[2]!);
    expect(await order(admin.id, event.slug, session.id)).toEqual(["pace", 1, 2, 4, 5]);
  });

  it("are read by gate staff but changed only by organisers; another club's admin finds nothing", async () => {
    const { gate, event, session, ids } = await corso();
    const { admin: stranger } = await clubWith();
    expect(await getGrid(gate.id, event.slug, session.id)).toMatchObject({ role: "gate" });
    expect(await saveGrid(gate.id, event.slug, session.id, ids, { kind: "manual" })).toBeNull();
    expect(await generateGrid(gate.id, event.slug, session.id, { kind: "plaque" })).toBeNull();
    expect(await getGrid(stranger.id, event.slug, session.id)).toBeNull();
    expect(await saveGrid(stranger.id, event.slug, session.id, ids, { kind: "manual" })).toBeNull();
  });
});
