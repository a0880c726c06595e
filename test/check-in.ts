import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { checklistItems, registrations, registrationSessions } from "@/db/schema";
import { clubWith } from "./clubs";
import { ownersWithCars, openEvent } from "./registration";

/**
 * A club with an organiser and gate staff, and an open event of that club with two sessions;
 * `places[i]` gives car i its places ("c" confirmed, "w" waiting) in [paddock, gp].
 */
export async function gateEvent(places: ["c" | "w" | null, "c" | "w" | null][]) {
  const { admin, club, members } = await clubWith(["organiser", "gate"]);
  // On the day `attempt` scans: a scan before the gate opened would be recorded at its arrival.
  const { event, sessions } = await openEvent({
    clubId: club.id,
    startsOn: SCAN_DAY,
    sessions: [
      { start: "09:00", end: "12:00", capacity: 50 },
      { start: "13:00", end: "14:00", capacity: 50 },
    ],
  });
  const garages = places.length ? await ownersWithCars(places.length) : [];
  const ids: string[] = [];
  for (const [i, row] of places.entries()) {
    const [reg] = await db()
      .insert(registrations)
      .values({ eventId: event.id, ownerId: garages[i]!.ownerId, carId: garages[i]!.carIds[0]!, plaque: i + 1 })
      .returning();
    ids.push(reg!.id);
    for (const [j, status] of row.entries()) {
      if (status)
        await db()
          .insert(registrationSessions)
          .values({
            registrationId: reg!.id,
            sessionId: sessions[j]!.id,
            status: status === "c" ? "confirmed" : "waiting",
            waitSeq: status === "w" ? i + 1 : null,
          });
    }
  }
  return { admin, organiser: members[0]!, gate: members[1]!, club, event, sessions, garages, ids };
}

export async function cancel(registrationId: string) {
  await db()
    .update(registrations)
    .set({ status: "cancelled", cancelledAt: new Date() })
    .where(eq(registrations.id, registrationId));
}

export async function addChecklistItem(eventId: string, label: string, required: boolean) {
  const [item] = await db().insert(checklistItems).values({ eventId, label, required }).returning();
  return item!;
}

/** The first day of every gateEvent: a fixed past day. */
export const SCAN_DAY = "2026-06-13";

/** A check-in as a phone sends it; `minutes` after 07:00 UTC on SCAN_DAY's morning. */
export const attempt = (registrationId: string, minutes = 0, fields: { clientId?: string; ticks?: string[] } = {}) => ({
  clientId: fields.clientId ?? randomUUID(),
  registrationId,
  scannedAt: new Date(Date.UTC(2026, 5, 13, 7, minutes)),
  ticks: fields.ticks ?? [],
});
