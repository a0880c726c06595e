import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { moveRefusal, organiserPlace, promoteRefusal } from "@/lib/roster/changes";
import type { MoveInput, PromoteInput } from "@/lib/schemas/roster";
import { eventFor } from "../access";
import { db } from "../client";
import { settleCharges } from "../payments/charges";
import { enqueueMail } from "../mail/queue";
import { sqlRows, type Tx } from "../query";
import { lockSessions } from "../registrations/places";
import { registrations, registrationSessions } from "../schema";
import { writeAudit, type AuditRecord } from "./audit";
import { confirmedIn, eventSessionsById, lockActive, placesOf, refill } from "./write-steps";
import { refuse, type Result } from "../result";

/** `changed`: the registrations changed; `skipped`: those of a selection that could not be (why); `promoted`: cars the freed places went to. */
export type RosterChange = Result<{
  changed: string[];
  skipped: { id: string; error: string }[];
  promoted: string[];
}> | null;

const notFound = null;
const fail = (field: string, error: string) => refuse(error, field);
/** The event, when the user may change its roster (a gate or another club's organiser: not found). */
const changeableEvent = (tx: Tx, userId: string, slug: string) => eventFor(tx, userId, slug, "changeRoster");

type MoveMany = Pick<MoveInput, "fromSessionId" | "toSessionId" | "overbook" | "reason"> & {
  registrationIds: string[];
};

/**
 * Moves the selected cars from one session to another, in one transaction, oldest registration
 * first: each is confirmed in the target while it has room (or the stated overbooking), else it
 * joins the end of the target's waiting list. A confirmed place left behind goes to the next car
 * waiting. Cars not in the source, already in the target, or that would clash are skipped.
 */
export async function moveRegistrations(userId: string, slug: string, input: MoveMany): Promise<RosterChange> {
  return db().transaction(async (tx) => {
    const event = await changeableEvent(tx, userId, slug);
    if (!event) return notFound;
    if (event.status === "cancelled") return fail("form", "roster.errors.eventCancelled");
    const chosen = await eventSessionsById(tx, event.id, [input.fromSessionId, input.toSessionId]);
    if (!chosen.has(input.fromSessionId)) return fail("fromSessionId", "errors.sessionNotInEvent");
    if (!chosen.has(input.toSessionId)) return fail("toSessionId", "errors.sessionNotInEvent");
    if (input.fromSessionId === input.toSessionId) return fail("toSessionId", "roster.errors.sameSession");
    const regs = await lockActive(tx, event.id, input.registrationIds);
    if (regs.length === 0) return notFound;
    const held = await placesOf(
      tx,
      regs.map((r) => r.id),
    );
    const locked = new Map(
      (
        await lockSessions(tx, [...new Set([input.fromSessionId, input.toSessionId, ...held.map((p) => p.sessionId)])])
      ).map((s) => [s.id, s]),
    );
    const [source, target] = [locked.get(input.fromSessionId)!, locked.get(input.toSessionId)!];
    // Statuses are read again under the sessions' locks: a car may have been promoted a moment ago.
    const places = await placesOf(
      tx,
      regs.map((r) => r.id),
    );
    let confirmed = await confirmedIn(tx, target.id);
    const records: AuditRecord[] = [];
    const skipped: { id: string; error: string }[] = [];
    let freed = false;
    for (const reg of regs) {
      const mine = places.filter((p) => p.registrationId === reg.id);
      const refusal = moveRefusal(mine, source.id, target);
      if (refusal) {
        skipped.push({ id: reg.id, error: refusal });
        continue;
      }
      const was = mine.find((p) => p.sessionId === source.id)!.status;
      const status = organiserPlace(confirmed, target.capacity, input.overbook);
      await tx
        .delete(registrationSessions)
        .where(and(eq(registrationSessions.registrationId, reg.id), eq(registrationSessions.sessionId, source.id)));
      await tx.insert(registrationSessions).values({
        registrationId: reg.id,
        sessionId: target.id,
        status,
        waitSeq: status === "waiting" ? sql`nextval('registration_wait_seq')` : null,
      });
      if (status === "confirmed") confirmed++;
      freed ||= was === "confirmed";
      await enqueueMail(tx, {
        kind: "movedByOrganiser",
        registrationId: reg.id,
        fromSessionId: source.id,
        toSessionId: target.id,
      });
      records.push({
        eventId: event.id,
        registrationId: reg.id,
        actorId: userId,
        action: "move",
        reason: input.reason,
        detail: {
          from: source.name,
          to: target.name,
          was,
          status,
          ...(input.overbook ? { overbook: input.overbook } : {}),
        },
      });
    }
    if (records.length === 0) return fail("form", skipped[0]?.error ?? "roster.errors.nothingSelected");
    if (records.length > 1) for (const r of records) r.detail.bulk = records.length;
    const moved = new Set(records.map((r) => r.registrationId));
    await settleCharges(tx, [...moved]);
    // Leaving the source may also lift the clash that kept a moved car waiting somewhere else.
    const waitingElsewhere = [...locked.values()].filter(
      (s) =>
        s.id !== source.id &&
        s.id !== target.id &&
        places.some((p) => p.sessionId === s.id && p.status === "waiting" && moved.has(p.registrationId)),
    );
    const promoted = await refill(tx, [...(freed ? [source] : []), ...waitingElsewhere], {
      eventId: event.id,
      actorId: userId,
      cause: "move",
      records,
    });
    await writeAudit(tx, records);
    return { ok: true, changed: [...moved], skipped, promoted } as const;
  });
}

/**
 * Confirms a car waiting in a session out of turn (the reason is required): when the session has
 * room, or within the overbooking the organiser states. The owner is mailed as on a promotion.
 */
export async function promoteWaiting(
  userId: string,
  slug: string,
  registrationId: string,
  input: PromoteInput,
): Promise<RosterChange> {
  return db().transaction(async (tx) => {
    const event = await changeableEvent(tx, userId, slug);
    if (!event) return notFound;
    if (event.status === "cancelled") return fail("form", "roster.errors.eventCancelled");
    if (!input.reason.trim()) return fail("reason", "roster.errors.reasonRequired");
    const [reg] = await lockActive(tx, event.id, [registrationId]);
    if (!reg) return notFound;
    const session = (await eventSessionsById(tx, event.id, [input.sessionId])).get(input.sessionId);
    if (!session) return fail("sessionId", "errors.sessionNotInEvent");
    await lockSessions(tx, [session.id]);
    const places = await placesOf(tx, [reg.id]);
    const place = places.find((p) => p.sessionId === session.id);
    const elsewhere = places.filter((p) => p.sessionId !== session.id && p.status === "confirmed");
    const refusal = promoteRefusal(place, session, await confirmedIn(tx, session.id), input.overbook, elsewhere);
    if (refusal) return fail(refusal === "roster.errors.full" ? "overbook" : "form", refusal);
    const [{ position } = { position: null }] = await sqlRows<{ position: number }>(
      tx,
      sql`
      select count(*)::int as position from registration_sessions w, registration_sessions me
      where me.registration_id = ${reg.id} and me.session_id = ${session.id}
        and w.session_id = me.session_id and w.status = 'waiting' and w.wait_seq <= me.wait_seq`,
    );
    await tx
      .update(registrationSessions)
      .set({ status: "confirmed", waitSeq: null })
      .where(and(eq(registrationSessions.registrationId, reg.id), eq(registrationSessions.sessionId, session.id)));
    await enqueueMail(tx, { kind: "placeConfirmed", registrationId: reg.id, sessionId: session.id });
    await settleCharges(tx, reg.id);
    await writeAudit(tx, [
      {
        eventId: event.id,
        registrationId: reg.id,
        actorId: userId,
        action: "promote",
        reason: input.reason,
        detail: { session: session.name, position, ...(input.overbook ? { overbook: input.overbook } : {}) },
      },
    ]);
    return { ok: true, changed: [reg.id], skipped: [], promoted: [] } as const;
  });
}

/**
 * Removes (cancels) the selected registrations with a reason, in one transaction: their places
 * are deleted, each freed confirmed place goes to the next car waiting, and each owner is mailed
 * the reason. Registrations already cancelled or of another event are left out.
 */
export async function removeRegistrations(
  userId: string,
  slug: string,
  input: { registrationIds: string[]; reason: string | null },
  now = new Date(),
): Promise<RosterChange> {
  return db().transaction(async (tx) => {
    const event = await changeableEvent(tx, userId, slug);
    if (!event) return notFound;
    if (!input.reason?.trim()) return fail("reason", "roster.errors.reasonRequired");
    const regs = await lockActive(tx, event.id, input.registrationIds);
    if (regs.length === 0) return notFound;
    const ids = regs.map((r) => r.id);
    const held = await placesOf(tx, ids);
    const locked = await lockSessions(tx, [...new Set(held.map((p) => p.sessionId))]);
    const gone = await tx
      .delete(registrationSessions)
      .where(inArray(registrationSessions.registrationId, ids))
      .returning({
        registrationId: registrationSessions.registrationId,
        sessionId: registrationSessions.sessionId,
        status: registrationSessions.status,
      });
    await tx.update(registrations).set({ status: "cancelled", cancelledAt: now }).where(inArray(registrations.id, ids));
    // Removed by the organiser, not cancelled by the owner: everything paid is owed back.
    await settleCharges(tx, ids);
    const names = new Map(locked.map((s) => [s.id, s.name]));
    const records: AuditRecord[] = regs.map((r) => ({
      eventId: event.id,
      registrationId: r.id,
      actorId: userId,
      action: "remove",
      reason: input.reason,
      detail: {
        places: gone
          .filter((p) => p.registrationId === r.id)
          .map((p) => ({ session: names.get(p.sessionId) ?? "", status: p.status })),
        ...(regs.length > 1 ? { bulk: regs.length } : {}),
      },
    }));
    const freed = locked.filter((s) => gone.some((p) => p.sessionId === s.id && p.status === "confirmed"));
    const promoted = await refill(tx, freed, { eventId: event.id, actorId: userId, cause: "remove", records });
    for (const id of ids)
      await enqueueMail(tx, { kind: "removedByOrganiser", registrationId: id, reason: input.reason });
    await writeAudit(tx, records);
    return { ok: true, changed: ids, skipped: [], promoted } as const;
  });
}
