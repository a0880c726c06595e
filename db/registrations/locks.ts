import "server-only";
import { and, eq } from "drizzle-orm";
import { mayOwnerCancel } from "@/lib/event-phase";
import { isUuid } from "@/lib/uuid";
import type { Tx } from "../query";
import { registrations, registrationSessions } from "../schema";
import { eventById, openEvent, type Allocation } from "./checks";

// An owner's change to a registration starts here: the row is locked before anything is read from
// it, so two changes of the same registration (two tabs, two instances) run one after the other.

/** The owner's active registration, locked; null for another owner's, a cancelled one or a bad id. */
export async function lockActiveOfOwner(tx: Tx, userId: string, registrationId: string) {
  if (!isUuid(registrationId)) return null;
  const [reg] = await tx
    .select()
    .from(registrations)
    .where(
      and(eq(registrations.id, registrationId), eq(registrations.ownerId, userId), eq(registrations.status, "active")),
    )
    .for("update");
  return reg ?? null;
}

/** The owner's active registration, locked, with its event while registration is open. */
export async function lockOwn(
  tx: Tx,
  userId: string,
  registrationId: string,
  now: Date,
  allocation: Allocation[] = ["fcfs"],
) {
  const reg = await lockActiveOfOwner(tx, userId, registrationId);
  if (!reg) return null;
  const event = await openEvent(tx, reg.eventId, now, allocation);
  return event ? { reg, event } : null;
}

/**
 * The owner's active registration, locked, with its event and places, while the owner may still
 * give it back (lib/event-phase.ts mayOwnerCancel: a lottery entry too, while its window is open).
 */
export async function lockOwnToCancel(tx: Tx, userId: string, registrationId: string, now: Date) {
  const reg = await lockActiveOfOwner(tx, userId, registrationId);
  if (!reg) return null;
  const [[event], places] = await Promise.all([
    eventById(tx, reg.eventId),
    tx
      .select({ sessionId: registrationSessions.sessionId })
      .from(registrationSessions)
      .where(eq(registrationSessions.registrationId, registrationId)),
  ]);
  return event && mayOwnerCancel(event, now, places.length > 0) ? { reg, event, places } : null;
}
