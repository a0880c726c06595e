import { and, eq, gt, lte, sql } from "drizzle-orm";
import { reminderMoment } from "@/lib/reminder";
import { addDays, dayKey } from "@/lib/time";
import type { Db } from "../query";
import { events } from "../schema";
import { queueRows } from "./queue";

/**
 * Queues the reminders that have come due: 09:00 Berlin two calendar days before an event's first
 * day (lib/reminder.ts), one to the owner of each active registration holding a place that was
 * made before that moment (a lottery entry holds one once the draw gave it some). The worker runs
 * it every five minutes, so nothing is scheduled per registration: a cancelled registration or
 * event, a transfer or a moved first day need no bookkeeping, and a registration costs no job.
 * Keyed by registration and first day: sent once, and once more if the event moves after it.
 * An event moved closer than two days reminds at once; on its first day it no longer does.
 */
export async function queueDueReminders(q: Db, now = new Date()): Promise<number> {
  const today = dayKey(now);
  const soon = await q
    .select({ id: events.id, startsOn: events.startsOn })
    .from(events)
    .where(and(eq(events.status, "published"), gt(events.startsOn, today), lte(events.startsOn, addDays(today, 2))));
  let queued = 0;
  for (const event of soon) {
    const moment = reminderMoment(event.startsOn);
    if (moment > now) continue;
    const key = sql`'reminder:' || r.id || ':' || ${event.startsOn}::text`;
    queued += await queueRows(
      q,
      sql`select 'reminder', jsonb_build_object('kind', 'reminder', 'registrationId', r.id, 'to', 'owner'), u.email, u.id, r.id, r.event_id, ${key}
      from registrations r join users u on u.id = r.owner_id
      where r.event_id = ${event.id} and r.status = 'active' and r.created_at < ${moment.toISOString()}::timestamptz
        and u.email is not null
        and exists (select 1 from registration_sessions rs where rs.registration_id = r.id)
        and not exists (select 1 from mail_outbox m where m.dedupe_key = ${key})`,
    );
  }
  return queued;
}
