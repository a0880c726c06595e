import { sql } from "drizzle-orm";
import { textSha256 } from "@/lib/sha256";
import type { Tx } from "../query";
import { eventPaperwork, registrations, users, waiverSignatures, waiverVersions } from "../schema";

// One line per paragraph: the organiser edits this text in a text area, which wraps it itself.
const WAIVER_EN = [
  "## Participation at your own risk",
  "I take part in the 1M Meet on the Nürburgring **at my own risk**. I drive within the rules of the track and the instructions of the marshals and the pace car.",
  "- I hold a valid driving licence, and my car is roadworthy and insured.\n- I release the 1M Owners Club and its helpers from claims, except for intent and gross negligence.",
].join("\n\n");
const WAIVER_DE = [
  "## Teilnahme auf eigene Gefahr",
  "Ich nehme am 1M-Treffen auf dem Nürburgring **auf eigene Gefahr** teil. Ich fahre nach den Regeln der Strecke und den Anweisungen der Streckenposten und des Führungsfahrzeugs.",
  "- Ich habe einen gültigen Führerschein; mein Auto ist verkehrssicher und versichert.\n- Ich stelle den 1M Owners Club und seine Helfer von Ansprüchen frei, außer bei Vorsatz und grober Fahrlässigkeit.",
].join("\n\n");

/** How many of the demo's cars have done their paperwork: owner001–owner080 (the rest have not). */
export const DEMO_PAPERWORK_DONE = 80;

/**
 * The demo meet's paperwork: a waiver in both languages and an emergency contact required.
 * The first 80 owners gave their contact and signed (typed name); the others have done nothing.
 */
export async function seedDemoPaperwork(tx: Tx, eventId: string, now: Date): Promise<void> {
  await tx.insert(eventPaperwork).values({ eventId, requireEmergencyContact: true });
  const [waiver] = await tx
    .insert(waiverVersions)
    .values({
      eventId,
      version: 1,
      textEn: WAIVER_EN,
      textDe: WAIVER_DE,
      sha256: textSha256(JSON.stringify({ en: WAIVER_EN, de: WAIVER_DE })),
    })
    .returning();
  const done = await tx
    .select({ id: registrations.id, ownerId: registrations.ownerId, fullName: users.fullName, email: users.email })
    .from(registrations)
    .innerJoin(users, sql`${users.id} = ${registrations.ownerId}`)
    .where(sql`${registrations.eventId} = ${eventId} and ${registrations.plaque} <= ${DEMO_PAPERWORK_DONE}`);
  for (const r of done) {
    const details = { emergencyName: `Contact of ${r.fullName}`, emergencyPhone: "+491701234567" };
    await tx
      .update(users)
      .set(details)
      .where(sql`${users.id} = ${r.ownerId}`);
    await tx
      .update(registrations)
      .set({
        driverDetails: {
          ...details,
          licenceNumber: null,
          licenceCountry: null,
          licenceValidUntil: null,
          experience: null,
        },
      })
      .where(sql`${registrations.id} = ${r.id}`);
  }
  if (done.length)
    await tx.insert(waiverSignatures).values(
      done.map((r) => ({
        registrationId: r.id,
        waiverVersionId: waiver!.id,
        signer: "driver" as const,
        fullName: r.fullName ?? "",
        email: r.email,
        textSha256: textSha256(WAIVER_EN),
        language: "en",
        signedAt: now,
      })),
    );
}
