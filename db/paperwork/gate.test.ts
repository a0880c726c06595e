import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { clubMeet } from "@/test/clubs";
import { form, ownersWithCars } from "@/test/registration";
import { getCheckInCopy, getGateEvent } from "../check-in/reads";
import { checkIn } from "../check-in/writes";
import { db } from "../client";
import { registerCar } from "../registrations/writes";
import { auditLog, registrations } from "../schema";
import { savePaperwork } from "./settings";

/** A car registered for a meet whose waiver nobody has signed. */
async function carWithoutPaperwork() {
  const meet = await clubMeet([{ start: "09:00", end: "10:00", capacity: 5 }]);
  const [owner] = await ownersWithCars(1);
  const made = await registerCar(owner!.ownerId, form(meet.event.id, owner!.carIds[0]!, [meet.sessions[0]!.id]));
  if (!made.ok) throw new Error(made.error);
  await savePaperwork(meet.admin.id, meet.event.slug, {
    waiverEn: "At my own risk.",
    waiverDe: "Auf eigene Gefahr.",
    requireLicence: false,
    requireEmergencyContact: false,
    requireExperience: false,
    noiseLimitDb: null,
    questions: [],
  });
  return { ...meet, registrationId: made.registrationId };
}
const scan = (registrationId: string, override: string | null = null) => ({
  clientId: randomUUID(),
  registrationId,
  scannedAt: new Date(),
  ticks: [],
  override,
});
const checkedIn = async (id: string) =>
  (await db().select().from(registrations).where(eq(registrations.id, id)))[0]!.checkedInAt !== null;

describe("the gate and paperwork", () => {
  it("holds back a car whose paperwork is missing, and tells the gate's copy what is missing", async () => {
    const { gate, event, registrationId } = await carWithoutPaperwork();
    const copy = await getCheckInCopy((await getGateEvent(gate.id, event.slug))!);
    expect(copy.cars.find((c) => c.registrationId === registrationId)!.paperwork).toEqual({
      complete: false,
      missing: ["waiver"],
    });
    expect(copy.mayOverride).toBe(false);
    expect(await checkIn(gate.id, event.slug, scan(registrationId))).toEqual({ ok: false, error: "paperwork" });
    // Gate staff cannot override, reason or not.
    expect(await checkIn(gate.id, event.slug, scan(registrationId, "Signed on paper"))).toEqual({
      ok: false,
      error: "paperwork",
    });
    expect(await checkedIn(registrationId)).toBe(false);
  });

  it("lets an organiser override with a reason, which the audit log keeps with what was missing", async () => {
    const { admin, event, registrationId } = await carWithoutPaperwork();
    expect(await checkIn(admin.id, event.slug, scan(registrationId))).toEqual({ ok: false, error: "paperwork" });
    expect(await checkIn(admin.id, event.slug, scan(registrationId, "Signed on paper at the gate"))).toMatchObject({
      ok: true,
      accepted: true,
    });
    expect(await checkedIn(registrationId)).toBe(true);
    const [line] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.registrationId, registrationId), eq(auditLog.action, "checkInOverride")));
    expect(line).toMatchObject({
      actorId: admin.id,
      reason: "Signed on paper at the gate",
      detail: { missing: ["waiver"] },
    });
  });
});
