// Shared setup of the payments tests: a paid meet (€45 entry, €120 per priced session).
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { eventFees, eventSessions } from "@/db/schema";
import { clubMeet } from "./clubs";
import type { SessionSpec } from "./registration";

export const ENTRY_CENTS = 4500;
export const SESSION_CENTS = 12000;

/** A meet whose sessions cost `prices` (cents, in order; missing: free) on top of the entry fee. */
export async function paidMeet(
  specs: SessionSpec[],
  prices: number[] = [],
  fees: Partial<typeof eventFees.$inferInsert> = {},
) {
  const meet = await clubMeet(specs);
  await db()
    .insert(eventFees)
    .values({
      eventId: meet.event.id,
      entryCents: ENTRY_CENTS,
      accountHolder: "1M Owners Club e.V.",
      iban: "DE89370400440532013000",
      bic: "COBADEFFXXX",
      ...fees,
    });
  for (const [i, cents] of prices.entries())
    await db().update(eventSessions).set({ priceCents: cents }).where(eq(eventSessions.id, meet.sessions[i]!.id));
  return meet;
}
