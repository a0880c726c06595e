import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { db } from "../client";
import type { Tx } from "../query";
import { auditLog, cars, registrations, users } from "../schema";
import type { RosterEvent } from "./reads";

/** Changes to places; the log also holds the event's other changes (draw.publish, grid.save …: lib/roster/audit-sentence.ts). */
export type AuditAction = "move" | "promote" | "remove" | "autoPromote";
export type AuditDetail = {
  from?: string;
  to?: string;
  session?: string;
  status?: "confirmed" | "waiting";
  was?: "confirmed" | "waiting";
  position?: number | null;
  overbook?: number;
  places?: { session: string; status: "confirmed" | "waiting" }[];
  /** How many registrations the same bulk change touched. */
  bulk?: number;
  cause?: AuditAction;
};
export type AuditRecord = {
  eventId: string;
  registrationId: string;
  actorId: string;
  action: AuditAction;
  detail: AuditDetail;
  reason: string | null;
};

/** Writes the change's rows in the caller's transaction: they exist exactly when the change commits. */
export async function writeAudit(tx: Tx, records: AuditRecord[]): Promise<void> {
  if (records.length > 0)
    await tx.insert(auditLog).values(records.map((r) => ({ ...r, detail: r.detail as Record<string, unknown> })));
}

export type AuditEntry = {
  id: number;
  at: string;
  actor: string | null;
  /** A change to places (AuditAction) or another kind of event change ("draw.publish" …). */
  action: AuditAction | (string & {});
  detail: AuditDetail;
  reason: string | null;
  registrationId: string | null;
  plaque: number | null;
  driver: string | null;
  plate: string | null;
};

/** A person's name; a viewer who may not read e-mails gets their display name (or null) instead. */
const nameOf = (event: RosterEvent, alias: string) =>
  sql.raw(
    `coalesce(nullif(${alias}.full_name, ''), ${event.canReadDetails ? `${alias}.email` : `nullif(${alias}.display_name, '')`})`,
  );

/** The event's audit log, newest first; one registration's history when `registrationId` is given. */
export async function listAudit(
  event: RosterEvent,
  options: { registrationId?: string; limit?: number } = {},
): Promise<AuditEntry[]> {
  const owner = nameOf(event, `"users"`);
  const rows = await db()
    .select({
      id: auditLog.id,
      at: auditLog.createdAt,
      action: auditLog.action,
      detail: auditLog.detail,
      reason: auditLog.reason,
      registrationId: auditLog.registrationId,
      actor: sql<
        string | null
      >`coalesce((select ${nameOf(event, "a")} from users a where a.id = ${auditLog.actorId}), ${auditLog.actorPseudonym})`,
      plaque: registrations.plaque,
      driver: sql<string | null>`${owner}`,
      plate: cars.plate,
    })
    .from(auditLog)
    .leftJoin(registrations, eq(registrations.id, auditLog.registrationId))
    .leftJoin(users, eq(users.id, registrations.ownerId))
    .leftJoin(cars, eq(cars.id, registrations.carId))
    .where(
      and(
        eq(auditLog.eventId, event.id),
        options.registrationId ? eq(auditLog.registrationId, options.registrationId) : undefined,
      ),
    )
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(options.limit ?? 50);
  return rows.map((r) => ({ ...r, at: r.at.toISOString(), detail: r.detail as AuditDetail }));
}
