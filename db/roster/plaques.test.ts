import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { clubMeet, clubWith } from "@/test/clubs";
import { form, ownersWithCars } from "@/test/registration";
import { db } from "../client";
import { cancelRegistration, registerCar } from "../registrations/writes";
import { auditLog, cars, registrations } from "../schema";
import { assignEventPlaques, changePlaque } from "./plaques";

/** Four cars: three confirmed (capacity 3), one waiting; production numbers 40, 10, 30, 20. */
async function meet() {
  const { admin, gate, event, sessions } = await clubMeet([{ start: "09:00", end: "10:00", capacity: 3 }]);
  const owners = await ownersWithCars(4);
  const ids: string[] = [];
  for (const [i, g] of owners.entries()) {
    await db()
      .update(cars)
      .set({ productionNumber: [40, 10, 30, 20][i]! })
      .where(eq(cars.id, g.carIds[0]!));
    ids.push(
      ((await registerCar(g.ownerId, form(event.id, g.carIds[0]!, [sessions[0]!.id]))) as { registrationId: string })
        .registrationId,
    );
  }
  return { admin, gate: gate!, owners, event, ids };
}
const plaques = async (ids: string[]) => {
  const rows = await db().select({ id: registrations.id, plaque: registrations.plaque }).from(registrations);
  return ids.map((id) => rows.find((r) => r.id === id)?.plaque ?? null);
};

describe("plaques", () => {
  it("go to confirmed cars by production number, stay when others cancel, and fill gaps first", async () => {
    const { admin, owners, event, ids } = await meet();
    expect(await assignEventPlaques(admin.id, event.slug, "production-number")).toEqual({ ok: true, assigned: 3 });
    expect(await plaques(ids)).toEqual([3, 1, 2, null]);
    await cancelRegistration(owners[1]!.ownerId, ids[1]!); // plaque 1 leaves; the waiting car is promoted
    expect(await assignEventPlaques(admin.id, event.slug, "production-number")).toEqual({ ok: true, assigned: 1 });
    // The cancelled car keeps its number (it may be printed already); the promoted car gets the next free one.
    expect(await plaques(ids)).toEqual([3, 1, 2, 4]);
    expect(await db().$count(auditLog, eq(auditLog.eventId, event.id))).toBe(2);
  });

  it("can be changed one at a time to a free number, with the change in the audit log", async () => {
    const { admin, event, ids } = await meet();
    await assignEventPlaques(admin.id, event.slug, "registration-order");
    expect(await changePlaque(admin.id, event.slug, ids[0]!, 2)).toEqual({ ok: false, error: "errors.plaqueTaken" });
    expect(await changePlaque(admin.id, event.slug, ids[0]!, 0)).toEqual({ ok: false, error: "errors.plaqueRange" });
    expect(await changePlaque(admin.id, event.slug, ids[0]!, 92)).toEqual({ ok: true, assigned: 1 });
    expect(await plaques(ids)).toEqual([92, 2, 3, null]);
    const [entry] = await db().select().from(auditLog).where(eq(auditLog.registrationId, ids[0]!));
    expect(entry).toMatchObject({ action: "plaque.change", actorId: admin.id, detail: { from: 1, to: 92 } });
  });

  it("are changed only by the event's organisers: gate staff and other clubs get not found", async () => {
    const { gate, event, ids } = await meet();
    const { admin: stranger } = await clubWith();
    expect(await assignEventPlaques(gate.id, event.slug, "registration-order")).toBeNull();
    expect(await changePlaque(gate.id, event.slug, ids[0]!, 7)).toBeNull();
    expect(await changePlaque(stranger.id, event.slug, ids[0]!, 7)).toBeNull();
    expect(await plaques(ids)).toEqual([null, null, null, null]);
  });
});
