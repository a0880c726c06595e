import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { isEarlier } from "@/lib/check-in/merge";
import { recordedScanTime } from "@/lib/check-in/scan-time";
import type { CheckInState } from "@/lib/check-in/types";
import { db } from "../client";
import { sqlRows, type Tx } from "../query";
import { auditLog, checkIns, checklistItems, checklistTicks, registrations, registrationSessions } from "../schema";
import { registrationPaperwork } from "../paperwork/status";
import type { DriverDetails } from "@/lib/paperwork";
import { getGateEvent, personSql } from "./reads";
import type { Refusal } from "../result";
import { isUuid } from "@/lib/uuid";

export type CheckInInput = {
  clientId: string;
  registrationId: string;
  scannedAt: Date;
  ticks: string[];
  /** An organiser's reason for letting a car in whose paperwork is not complete. */
  override?: string | null;
};
export type CheckInRefusal = "notRegistered" | "cancelled" | "waitingOnly" | "checklist" | "paperwork";
/**
 * `accepted: false`: an earlier check-in of the car stands (another phone's, or this car was
 * already in); `state` says when and by whom. Refused: why the car may not come in. Null: the
 * user may not work this event's gate.
 */
export type CheckInOutcome =
  { ok: true; accepted: boolean; state: CheckInState } | (Refusal & { error: CheckInRefusal }) | null;

async function stateOf(tx: Tx, registrationId: string): Promise<CheckInState> {
  const [row] = await sqlRows<{ checked_in_at: string | null; checked_in_by: string | null }>(
    tx,
    sql`
    select r.checked_in_at, ${personSql("g")} as checked_in_by from registrations r left join users g on g.id = r.checked_in_by
    where r.id = ${registrationId}`,
  );
  return {
    registrationId,
    checkedInAt: row?.checked_in_at ? new Date(row.checked_in_at).toISOString() : null,
    checkedInBy: row?.checked_in_by ?? null,
  };
}

/** Why the car may not come in, or null. Read under the registration's lock. */
async function refusal(
  tx: Tx,
  reg: { id: string; status: string },
  eventId: string,
  ticks: string[],
): Promise<CheckInRefusal | null> {
  if (reg.status === "cancelled") return "cancelled";
  const places = await tx
    .select({ status: registrationSessions.status })
    .from(registrationSessions)
    .where(eq(registrationSessions.registrationId, reg.id));
  if (!places.some((p) => p.status === "confirmed")) return places.length ? "waitingOnly" : "notRegistered";
  const items = await tx
    .select({ id: checklistItems.id, required: checklistItems.required })
    .from(checklistItems)
    .where(eq(checklistItems.eventId, eventId));
  const valid = ticks.filter((id) => items.some((item) => item.id === id));
  if (valid.length)
    await tx
      .insert(checklistTicks)
      .values(valid.map((itemId) => ({ registrationId: reg.id, itemId })))
      .onConflictDoNothing();
  const ticked = new Set(
    (
      await tx
        .select({ id: checklistTicks.itemId })
        .from(checklistTicks)
        .where(eq(checklistTicks.registrationId, reg.id))
    ).map((t) => t.id),
  );
  return items.some((item) => item.required && !ticked.has(item.id)) ? "checklist" : null;
}

type Gate = Awaited<ReturnType<typeof getGateEvent>> & {};
type Reg = {
  id: string;
  secondDriverEmail: string | null;
  secondDriverName: string | null;
  driverDetails: DriverDetails | null;
};

/**
 * The paperwork must be complete, or an organiser (not gate staff) lets the car in with a reason,
 * which the audit log keeps with what was missing. Read under the registration's lock.
 */
async function paperworkRefusal(tx: Tx, event: Gate, reg: Reg, input: CheckInInput, userId: string) {
  const { status } = await registrationPaperwork(tx, reg, event);
  if (status.complete) return null;
  if (!input.override || !event.mayOverride) return "paperwork" as const;
  await tx.insert(auditLog).values({
    eventId: event.id,
    registrationId: reg.id,
    actorId: userId,
    action: "checkInOverride",
    detail: { missing: status.missing },
    reason: input.override,
  });
  return null;
}

/** What an unknown registration gets: any registration that is not this event's gets exactly this. */
const UNKNOWN = { ok: false, error: "notRegistered" } as const;

/**
 * Records one check-in sent by a gate phone, in one transaction under the registration's row lock.
 * Idempotent by `clientId`: a resend answers as the first time did (or, if an earlier scan from
 * another phone arrived since, that it is no longer the accepted one). The earliest scan wins;
 * a scan time before the gate opened or in the future is recorded as now (lib/check-in/scan-time).
 * Only this event's registrations are spoken of: another event's registration, or a client id
 * already used for another registration (another event's, perhaps), is answered as unknown and
 * nothing is written.
 */
export async function checkIn(
  userId: string,
  slug: string,
  input: CheckInInput,
  now = new Date(),
): Promise<CheckInOutcome> {
  if (!isUuid(input.clientId) || !isUuid(input.registrationId)) return UNKNOWN;
  return db().transaction(async (tx) => {
    const event = await getGateEvent(userId, slug, tx);
    if (!event) return null;
    const [reg] = await tx
      .select({
        id: registrations.id,
        status: registrations.status,
        checkedInAt: registrations.checkedInAt,
        secondDriverEmail: registrations.secondDriverEmail,
        secondDriverName: registrations.secondDriverName,
        driverDetails: registrations.driverDetails,
      })
      .from(registrations)
      .where(and(eq(registrations.id, input.registrationId), eq(registrations.eventId, event.id)))
      .for("update");
    if (!reg) return UNKNOWN;
    const [sent] = await tx.select().from(checkIns).where(eq(checkIns.clientId, input.clientId));
    if (sent) {
      // A resend answers as things stand now: an earlier scan may have come in since.
      if (sent.eventId !== event.id || sent.registrationId !== reg.id) return UNKNOWN;
      return { ok: true, accepted: sent.accepted, state: await stateOf(tx, reg.id) } as const;
    }
    const refused =
      (await refusal(tx, reg, event.id, input.ticks)) ?? (await paperworkRefusal(tx, event, reg, input, userId));
    if (refused) return { ok: false, error: refused } as const;
    const scannedAt = recordedScanTime(input.scannedAt, event.opensAt, now);
    const accepted = isEarlier(scannedAt, reg.checkedInAt);
    if (accepted) {
      // The earlier scan takes over: the check-in that stood until now is marked as not accepted.
      await tx
        .update(checkIns)
        .set({ accepted: false })
        .where(and(eq(checkIns.registrationId, reg.id), eq(checkIns.accepted, true)));
      await tx
        .update(registrations)
        .set({ checkedInAt: scannedAt, checkedInBy: userId })
        .where(eq(registrations.id, reg.id));
    }
    await tx.insert(checkIns).values({
      clientId: input.clientId,
      eventId: event.id,
      registrationId: reg.id,
      userId,
      scannedAt,
      receivedAt: now,
      accepted,
    });
    return { ok: true, accepted, state: await stateOf(tx, reg.id) } as const;
  });
}
