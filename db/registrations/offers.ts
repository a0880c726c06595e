import "server-only";
import { and, eq, gt, lte } from "drizzle-orm";
import { isUuid } from "@/lib/uuid";
import { db } from "../client";
import { enqueueMail } from "../mail/queue";
import { settleCharges } from "../payments/charges";
import type { Tx } from "../query";
import { refuse, type Result } from "../result";
import { eventSessions, placeOffers, registrationSessions, type EventSession } from "../schema";
import { lockActiveOfOwner } from "./locks";
import { fillFreePlaces, lockSessions } from "./places";

// Answering an offered place (db/registrations/places.ts offers it). Every step locks the
// session first, as every change to its places does, so an answer, an expiry and a new offer of
// the same place run one after another on any instance.

/** The registration's offers still open, with their sessions, for its page. */
export function openOffersOf(registrationId: string, now = new Date()) {
  return db()
    .select({ id: placeOffers.id, session: eventSessions.name, expiresAt: placeOffers.expiresAt })
    .from(placeOffers)
    .innerJoin(eventSessions, eq(eventSessions.id, placeOffers.sessionId))
    .where(
      and(
        eq(placeOffers.registrationId, registrationId),
        eq(placeOffers.status, "open"),
        gt(placeOffers.expiresAt, now),
      ),
    )
    .orderBy(eventSessions.startsAt);
}

/** The open offer, locked with its session; null when it is not this registration's or no longer open. */
async function lockOpenOffer(tx: Tx, offerId: string, registrationId?: string) {
  const [found] = await tx.select().from(placeOffers).where(eq(placeOffers.id, offerId));
  if (!found || (registrationId && found.registrationId !== registrationId)) return null;
  const [session] = await lockSessions(tx, [found.sessionId]);
  const [offer] = await tx
    .select()
    .from(placeOffers)
    .where(and(eq(placeOffers.id, offerId), eq(placeOffers.status, "open")))
    .for("update");
  return offer && session ? { offer, session } : null;
}

const dropWaitingPlace = (tx: Tx, registrationId: string, sessionId: string) =>
  tx
    .delete(registrationSessions)
    .where(
      and(
        eq(registrationSessions.registrationId, registrationId),
        eq(registrationSessions.sessionId, sessionId),
        eq(registrationSessions.status, "waiting"),
      ),
    );

type Answer = Result<{ registrationId: string }>;

/**
 * An owner's answer to an offer of their registration: the registration locked, then the offer
 * with its session; refused alike for an offer that is not theirs, answered or expired.
 */
function answer(
  userId: string,
  registrationId: string,
  offerId: string,
  now: Date,
  run: (tx: Tx, session: EventSession) => Promise<boolean>,
): Promise<Answer> {
  if (!isUuid(offerId)) return Promise.resolve(refuse("payments.errors.offerGone"));
  return db().transaction(async (tx) => {
    if (!(await lockActiveOfOwner(tx, userId, registrationId))) return refuse("payments.errors.offerGone");
    const held = await lockOpenOffer(tx, offerId, registrationId);
    if (!held || held.offer.expiresAt <= now || !(await run(tx, held.session)))
      return refuse("payments.errors.offerGone");
    return { ok: true, registrationId } as const;
  });
}

/** "Accept place": the waiting place becomes confirmed and is charged (the payment deadline starts now). */
export function acceptOffer(userId: string, registrationId: string, offerId: string, now = new Date()) {
  return answer(userId, registrationId, offerId, now, async (tx, session) => {
    const [place] = await tx
      .update(registrationSessions)
      .set({ status: "confirmed", waitSeq: null })
      .where(
        and(
          eq(registrationSessions.registrationId, registrationId),
          eq(registrationSessions.sessionId, session.id),
          eq(registrationSessions.status, "waiting"),
        ),
      )
      .returning();
    if (!place) return false;
    await tx.update(placeOffers).set({ status: "accepted", decidedAt: now }).where(eq(placeOffers.id, offerId));
    await settleCharges(tx, registrationId);
    await enqueueMail(tx, { kind: "placeConfirmed", registrationId, sessionId: session.id });
    return true;
  });
}

/** "Decline": the car leaves that session's waiting list, and the place is offered to the next car. */
export function declineOffer(userId: string, registrationId: string, offerId: string, now = new Date()) {
  return answer(userId, registrationId, offerId, now, async (tx, session) => {
    await tx.update(placeOffers).set({ status: "declined", decidedAt: now }).where(eq(placeOffers.id, offerId));
    await dropWaitingPlace(tx, registrationId, session.id);
    await fillFreePlaces(tx, session);
    return true;
  });
}

/**
 * The job at an offer's hour: unanswered, it expires, the car leaves that waiting list (it had its
 * turn) and the place goes to the next car. An offer answered meanwhile is left alone.
 */
export async function expireOffer(offerId: string, now = new Date()): Promise<boolean> {
  if (!isUuid(offerId)) return false;
  return db().transaction(async (tx) => {
    const held = await lockOpenOffer(tx, offerId);
    if (!held || held.offer.expiresAt > now) return false;
    await tx.update(placeOffers).set({ status: "expired", decidedAt: now }).where(eq(placeOffers.id, offerId));
    await dropWaitingPlace(tx, held.offer.registrationId, held.session.id);
    await fillFreePlaces(tx, held.session);
    return true;
  });
}

/** Offers whose hour has passed but whose job did not run (the worker was down): expired now. */
export async function expireOverdueOffers(now = new Date()): Promise<number> {
  const due = await db()
    .select({ id: placeOffers.id })
    .from(placeOffers)
    .where(and(eq(placeOffers.status, "open"), lte(placeOffers.expiresAt, now)));
  let expired = 0;
  for (const { id } of due) if (await expireOffer(id, now)) expired++;
  return expired;
}
