// Shared setup of the paperwork tests (db/paperwork/*.test.ts): a meet with paperwork and a car.
import { eq } from "drizzle-orm";
import { clubMeet } from "@/test/clubs";
import { form, ownersWithCars } from "@/test/registration";
import { db } from "@/db/client";
import { registerCar } from "@/db/registrations/writes";
import { events, registrations } from "@/db/schema";
import { savePaperwork } from "@/db/paperwork/settings";
import { registrationPaperwork } from "@/db/paperwork/status";
import { getWaiverToSign, signWaiver } from "@/db/paperwork/waivers";

export const paperwork = (over: Partial<Parameters<typeof savePaperwork>[2]> = {}) => ({
  waiverEn: "I take part at my own risk.",
  waiverDe: "Ich nehme auf eigene Gefahr teil.",
  requireLicence: false,
  requireEmergencyContact: true,
  requireExperience: false,
  noiseLimitDb: null,
  questions: [{ id: null, text: "Dinner?", kind: "yes_no" as const, choices: [], required: false }],
  ...over,
});
/** The database's refusal of a statement (drizzle wraps it), or "allowed". */
export const refusal = (query: Promise<unknown>) =>
  query.then(
    () => "allowed",
    (e: Error & { cause?: Error }) => e.cause?.message ?? e.message,
  );
export const meta = { ipAddress: "192.0.2.7", userAgent: "Mozilla/5.0 (Pixel 7)" };

/** A meet with paperwork and one registered car whose owner has not signed yet. */
export async function meetWithCar() {
  const meet = await clubMeet([{ start: "09:00", end: "10:00", capacity: 5 }]);
  const [owner] = await ownersWithCars(1);
  const made = await registerCar(owner!.ownerId, form(meet.event.id, owner!.carIds[0]!, [meet.sessions[0]!.id]));
  if (!made.ok) throw new Error(made.error);
  return { ...meet, owner: owner!, registrationId: made.registrationId };
}

export const statusOf = async (registrationId: string) => {
  const [reg] = await db().select().from(registrations).where(eq(registrations.id, registrationId));
  const [event] = await db().select().from(events).where(eq(events.id, reg!.eventId));
  return (await registrationPaperwork(db(), reg!, event!)).status;
};
export const sign = async (userId: string, registrationId: string, language: "en" | "de" = "en") => {
  const waiver = await getWaiverToSign(userId, registrationId);
  return signWaiver(
    userId,
    registrationId,
    { fullName: "Jonas Müller", signature: null, versionId: waiver!.waiver.id, language },
    meta,
  );
};
