import "server-only";
import { eq, sql } from "drizzle-orm";
import { db } from "../client";
import { enqueueMail } from "../mail/queue";
import { sqlRows } from "../query";
import { vacate } from "../registrations/vacate";
import { registrations, registrationSessions } from "../schema";
import { settleCharges } from "./charges";
import { paymentRows } from "./event-payments";

/**
 * The registrations the payments page shows as "Overdue" (still owing after the first charge plus
 * the event's days to pay), in paid events ahead and not cancelled.
 */
async function overdue(now: Date): Promise<{ id: string }[]> {
  const paid = await sqlRows<{ event_id: string }>(
    db(),
    sql`select f.event_id from event_fees f join events e on e.id = f.event_id
      where e.status = 'published' and e.starts_on > (${now.toISOString()}::timestamptz at time zone 'Europe/Berlin')::date`,
  );
  const rows = await Promise.all(paid.map((e) => paymentRows(db(), e.event_id, now)));
  return rows
    .flat()
    .filter((r) => r.active && r.status === "overdue")
    .map((r) => ({ id: r.registrationId }));
}

/**
 * The hourly job: each overdue registration is cancelled in its own transaction (as an owner's
 * cancellation locks: the registration, then its sessions), its charges credited, its owner told
 * ("Your place was released") and its confirmed places given to the next cars (offered, in an
 * event that offers freed places). Returns how many were released.
 */
export async function releaseUnpaid(now = new Date()): Promise<number> {
  let released = 0;
  for (const { id } of await overdue(now)) if (await releaseOne(id, now)) released++;
  return released;
}

async function releaseOne(registrationId: string, now: Date): Promise<boolean> {
  return db().transaction(async (tx) => {
    const [reg] = await tx.select().from(registrations).where(eq(registrations.id, registrationId)).for("update");
    if (!reg || reg.status !== "active") return false;
    const held = await tx
      .select({ sessionId: registrationSessions.sessionId })
      .from(registrationSessions)
      .where(eq(registrationSessions.registrationId, registrationId));
    await vacate(
      tx,
      registrationId,
      held.map((p) => p.sessionId),
      now,
      () => settleCharges(tx, registrationId),
    );
    await enqueueMail(tx, { kind: "placeReleased", registrationId });
    return true;
  });
}
