import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { enterLottery } from "@/db/registrations/lottery-entries";
import { drawCommitments } from "@/db/schema";
import { clubWith } from "./clubs";
import { openEvent, type Garage } from "./registration";

const HOUR = 3600_000;

export const entry = (eventId: string, g: Garage, ranking: string[]) => ({
  eventId,
  carId: g.carIds[0]!,
  ranking,
  secondDriverName: null,
  secondDriverEmail: null,
  idempotencyKey: randomUUID(),
});

/** A lottery event of the admin's club: sessions A (09–10, capacity 1), B (11–12, 2), C (09:30–10:30, clashing with A, 1). */
export async function ballot(roles: ("organiser" | "gate")[] = []) {
  const { admin, club, members } = await clubWith(roles);
  const { event, sessions } = await openEvent({
    clubId: club.id,
    allocation: "lottery",
    sessions: [
      { start: "09:00", end: "10:00", capacity: 1 },
      { start: "11:00", end: "12:00", capacity: 2 },
      { start: "09:30", end: "10:30", capacity: 1 },
    ],
  });
  const afterClose = new Date(event.registrationClosesAt.getTime() + HOUR);
  return {
    admin,
    club,
    members,
    event,
    sessions,
    ids: sessions.map((s) => s.id) as [string, string, string],
    afterClose,
  };
}

export async function enterAll(eventId: string, owners: Garage[], rankings: string[][]) {
  const ids: string[] = [];
  for (const [i, g] of owners.entries()) {
    const result = await enterLottery(g.ownerId, entry(eventId, g, rankings[i]!));
    if (!result.ok) throw new Error(result.error);
    ids.push(result.registrationId);
  }
  return ids;
}

/** The secret seed, read straight from the table (no app code path shows it before a run). */
export async function committedSeed(eventId: string): Promise<string | undefined> {
  const [row] = await db()
    .select({ seed: drawCommitments.seed })
    .from(drawCommitments)
    .where(eq(drawCommitments.eventId, eventId));
  return row?.seed;
}
