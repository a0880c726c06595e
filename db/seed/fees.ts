import { and, eq } from "drizzle-orm";
import { newReference } from "@/lib/payments/reference";
import { addDays, zonedMoment } from "@/lib/time";
import { settleEvent } from "../payments/charges";
import type { Tx } from "../query";
import { eventFees, eventSessions, ledgerEntries, registrations } from "../schema";
import { prng } from "./people";

/** The demo meet's prices: €45 entry, €120 for each GP track session. */
export const DEMO_ENTRY_CENTS = 4500;
export const DEMO_GP_CENTS = 12000;
/** owner001–owner080 have paid; owner081–owner092 have not. */
export const DEMO_PAID = 80;
export const DEMO_ACCOUNT = { holder: "1M Owners Club e.V.", iban: "DE89370400440532013000", bic: "COBADEFFXXX" };

/** The payment reference of the demo registration with this plaque: the same on every seed run (the sample statements carry it). */
export const demoReference = (plaque: number) => newReference(prng(10_000 + plaque));

/** What the demo car with this plaque owes: the even plaques also drive a GP session (db/seed/demo.ts). */
export const demoFee = (plaque: number) => DEMO_ENTRY_CENTS + (plaque % 2 === 0 ? DEMO_GP_CENTS : 0);

/**
 * The demo meet's fees: prices, the club's account, 14 days to pay, a full refund until 30 days
 * before, freed places offered for 24 hours, transfers until a week before. Every car is charged
 * what it holds; the first 80 have paid by bank transfer.
 */
export async function seedDemoFees(tx: Tx, eventId: string, saturday: string): Promise<void> {
  await tx.insert(eventFees).values({
    eventId,
    entryCents: DEMO_ENTRY_CENTS,
    accountHolder: DEMO_ACCOUNT.holder,
    iban: DEMO_ACCOUNT.iban,
    bic: DEMO_ACCOUNT.bic,
    payWithinDays: 14,
    fullRefundUntil: addDays(saturday, -30),
    offerFreedPlaces: true,
    offerHours: 24,
    // When registration closes (a week before, 00:00 Berlin): one deadline for both.
    transfersUntil: zonedMoment(addDays(saturday, -7), "00:00"),
  });
  await tx
    .update(eventSessions)
    .set({ priceCents: DEMO_GP_CENTS })
    .where(and(eq(eventSessions.eventId, eventId), eq(eventSessions.kind, "gp_track")));
  const regs = await tx
    .select({ id: registrations.id, plaque: registrations.plaque })
    .from(registrations)
    .where(eq(registrations.eventId, eventId));
  for (const r of regs)
    await tx
      .update(registrations)
      .set({ paymentReference: demoReference(r.plaque!) })
      .where(eq(registrations.id, r.id));
  await settleEvent(tx, eventId);
  const paid = regs.filter((r) => r.plaque! <= DEMO_PAID);
  if (paid.length)
    await tx.insert(ledgerEntries).values(
      paid.map((r) => ({
        eventId,
        registrationId: r.id,
        kind: "payment" as const,
        item: "bank",
        cents: demoFee(r.plaque!),
        method: "bank" as const,
        sourceKey: `seed:${r.id}`,
      })),
    );
}
