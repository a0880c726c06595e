import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "../query";
import { registrations, registrationSessions } from "../schema";
import { fillFreePlaces, lockSessions } from "./places";

/**
 * Ends a registration its caller has locked (an owner's cancellation, a release for not paying):
 * its sessions are locked, its places deleted, it is marked cancelled, `settle` books what that
 * means for its money, and each confirmed place it held goes to the next car waiting, all in the caller's transaction.
 */
export async function vacate(
  tx: Tx,
  registrationId: string,
  sessionIds: string[],
  now: Date,
  settle: () => Promise<void>,
): Promise<void> {
  const locked = await lockSessions(tx, [...new Set(sessionIds)]);
  // Read the statuses as the delete sees them, under the locks: a place may have been promoted a moment ago.
  const gone = await tx
    .delete(registrationSessions)
    .where(eq(registrationSessions.registrationId, registrationId))
    .returning({ sessionId: registrationSessions.sessionId, status: registrationSessions.status });
  await tx
    .update(registrations)
    .set({ status: "cancelled", cancelledAt: now })
    .where(eq(registrations.id, registrationId));
  await settle();
  for (const session of locked)
    if (gone.some((p) => p.sessionId === session.id && p.status === "confirmed")) await fillFreePlaces(tx, session);
}
