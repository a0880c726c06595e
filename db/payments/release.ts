import "server-only";
import { eq, sql } from "drizzle-orm";
import { db } from "../client";
import { enqueueMail } from "../mail/queue";
import { sqlRows } from "../query";
import { vacate } from "../registrations/vacate";
import { registrations, registrationSessions } from "../schema";
import { settleCharges } from "./charges";

/**
 * Registrations of paid events still owing after their payment deadline (the first charge plus
 * the event's days to pay), while the event is ahead and not cancelled.
 */
async function overdue(now: Date) {
  const at = now.toISOString();
  return sqlRows<{ id: string }>(
    db(),
    sql`
    select r.id from registrations r
    join events e on e.id = r.event_id and e.status = 'published' and e.starts_on > (${at}::timestamptz at time zone 'Europe/Berlin')::date
    join event_fees f on f.event_id = r.event_id
    join ledger_entries l on l.registration_id = r.id
    where r.status = 'active'
    group by r.id, f.pay_within_days
    having sum(case l.kind when 'charge' then l.cents when 'credit' then -l.cents when 'payment' then -l.cents else l.cents end) > 0
      and min(l.created_at) filter (where l.kind = 'charge') + make_interval(days => f.pay_within_days) < ${at}::timestamptz`,
  );
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
