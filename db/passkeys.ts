import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "./client";
import { authenticators } from "./schema";

export type Passkey = { credentialId: string; deviceType: string; backedUp: boolean };

export async function listPasskeys(userId: string): Promise<Passkey[]> {
  const rows = await db().select().from(authenticators).where(eq(authenticators.userId, userId));
  return rows.map((r) => ({
    credentialId: r.credentialID,
    deviceType: r.credentialDeviceType,
    backedUp: r.credentialBackedUp,
  }));
}

/** Removes one of the user's passkeys; another user's credential id matches nothing. */
export async function deletePasskey(userId: string, credentialId: string): Promise<boolean> {
  const rows = await db()
    .delete(authenticators)
    .where(and(eq(authenticators.userId, userId), eq(authenticators.credentialID, credentialId)))
    .returning();
  return rows.length > 0;
}
