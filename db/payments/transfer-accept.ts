import "server-only";
import { textSha256 } from "@/lib/sha256";
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { balanceOf } from "@/lib/payments/ledger";
import { newReference } from "@/lib/payments/reference";
import { db } from "../client";
import { enqueueMail } from "../mail/queue";
import { driverDetailsFromProfile } from "../paperwork/details";
import type { Tx } from "../query";
import { refuse, type Result } from "../result";
import { eligibleCar, eventById } from "../registrations/checks";
import {
  ledgerEntries,
  placeOffers,
  placeTransfers,
  registrations,
  registrationSessions,
  users,
  type Registration,
} from "../schema";
import { ledgerOf, settleCharges } from "./charges";
import { transferTerms } from "./transfers";

/**
 * The recipient takes the place over with one of their cars: the giver's registration is locked
 * and cancelled, a new one (the plaque kept) takes its places and open offers, the car must meet
 * the event's model rules, and the waiver and questions apply again (the new registration has no
 * signature or answers yet). Money follows the event's rule: "the recipient pays" credits the
 * giver (owed back what they paid) and charges the recipient; "moves as paid" moves what the giver
 * paid to the new registration as a transfer.
 */
export async function acceptTransfer(
  userId: string,
  token: string,
  carId: string,
  now = new Date(),
): Promise<Result<{ registrationId: string }>> {
  return db().transaction(async (tx) => {
    const [found] = await tx
      .select({ transfer: placeTransfers })
      .from(placeTransfers)
      .innerJoin(users, sql`lower(${users.email}) = lower(${placeTransfers.email})`)
      .where(
        and(eq(placeTransfers.tokenHash, textSha256(token)), eq(users.id, userId), eq(placeTransfers.status, "open")),
      );
    if (!found) return refuse("payments.errors.transferGone");
    const [giver] = await tx
      .select()
      .from(registrations)
      .where(and(eq(registrations.id, found.transfer.registrationId), eq(registrations.status, "active")))
      .for("update");
    if (!giver) return refuse("payments.errors.transferGone");
    const [[event], terms] = await Promise.all([eventById(tx, giver.eventId), transferTerms(tx, giver.eventId, now)]);
    if (!event || !terms) return refuse("payments.errors.transferClosed");
    const refused = await eligibleCar(tx, userId, carId, event);
    if (refused) return refused;
    const taken = await tx
      .select({ id: registrations.id })
      .from(registrations)
      .where(
        and(eq(registrations.eventId, event.id), eq(registrations.carId, carId), eq(registrations.status, "active")),
      );
    if (taken.length) return refuse("errors.carAlreadyRegistered", "carId");
    const made = await takeOver(tx, giver, userId, carId, now);
    await moveMoney(tx, giver, made, terms.transferRule === "moves_as_paid");
    await tx
      .update(placeTransfers)
      .set({ status: "accepted", decidedAt: now, newRegistrationId: made })
      .where(eq(placeTransfers.id, found.transfer.id));
    await enqueueMail(tx, { kind: "registrationReceived", registrationId: made });
    await enqueueMail(tx, { kind: "registrationCancelled", registrationId: giver.id });
    return { ok: true, registrationId: made } as const;
  });
}

/** The giver's registration cancelled (its plaque freed first), a new one holding its places and offers. */
async function takeOver(tx: Tx, giver: Registration, userId: string, carId: string, now: Date): Promise<string> {
  await tx
    .update(registrations)
    .set({ status: "cancelled", cancelledAt: now, plaque: null })
    .where(eq(registrations.id, giver.id));
  const [made] = await tx
    .insert(registrations)
    .values({
      eventId: giver.eventId,
      carId,
      ownerId: userId,
      plaque: giver.plaque,
      idempotencyKey: `transfer:${randomUUID()}`,
      paymentReference: newReference(),
      driverDetails: driverDetailsFromProfile(userId),
    })
    .returning({ id: registrations.id });
  await tx
    .update(registrationSessions)
    .set({ registrationId: made!.id })
    .where(eq(registrationSessions.registrationId, giver.id));
  await tx
    .update(placeOffers)
    .set({ registrationId: made!.id })
    .where(and(eq(placeOffers.registrationId, giver.id), eq(placeOffers.status, "open")));
  return made!.id;
}

async function moveMoney(tx: Tx, giver: Registration, made: string, movesAsPaid: boolean): Promise<void> {
  const { paid, refunded } = balanceOf(await ledgerOf(tx, giver.id));
  await settleCharges(tx, [giver.id, made]);
  const moved = paid - refunded;
  if (!movesAsPaid || moved <= 0) return;
  const row = { eventId: giver.eventId, item: "transfer", cents: moved } as const;
  await tx.insert(ledgerEntries).values([
    { ...row, registrationId: giver.id, kind: "refund", sourceKey: `${giver.id}:transfer:refund` },
    { ...row, registrationId: made, kind: "payment", sourceKey: `${made}:transfer:payment` },
  ]);
}
