// Shared setup of the payments tests: a paid meet (€45 entry, €120 per priced session).
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { ledgerOf } from "@/db/payments/charges";
import { registerCar } from "@/db/registrations/writes";
import { balanceOf } from "@/lib/payments/ledger";
import { eventFees, eventSessions } from "@/db/schema";
import { clubMeet } from "./clubs";
import { form, ownersWithCars, type SessionSpec } from "./registration";

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

/** What a registration owes (> 0) or is owed back (< 0), summed from its ledger rows. */
export const owedBy = async (registrationId: string) => balanceOf(await ledgerOf(db(), registrationId)).owed;

/** One owner registered in a paid meet's one session (€45 entry + €120), owing €165. */
export async function paidRegistration() {
  const meet = await paidMeet([{ start: "09:00", end: "10:00", capacity: 5 }], [SESSION_CENTS]);
  const [owner] = await ownersWithCars(1);
  const made = await registerCar(owner!.ownerId, form(meet.event.id, owner!.carIds[0]!, [meet.sessions[0]!.id]));
  if (!made.ok) throw new Error(made.error);
  return { ...meet, owner: owner!, registrationId: made.registrationId };
}
