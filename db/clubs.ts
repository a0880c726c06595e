import "server-only";
import { eq } from "drizzle-orm";
import { db } from "./client";
import { clubMembers } from "./schema";

/** Whether the user holds any role in any club (shows the "Organise" link). */
export async function isClubStaff(userId: string): Promise<boolean> {
  const rows = await db().select({ clubId: clubMembers.clubId }).from(clubMembers).where(eq(clubMembers.userId, userId)).limit(1);
  return rows.length > 0;
}
