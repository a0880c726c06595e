import postgres from "postgres";
import { CAPACITY, type BurstEvent } from "./registration-seed";

/** What the database holds after the burst: the invariants the issue names. */
export async function verify(databaseUrl: string, event: BurstEvent, registrationIds: string[]) {
  const n = registrationIds.length;
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<
      { confirmed: number; waiting: number; seqs: number; regs: number; cars: number; keys: number; places: number }[]
    >`
      select
        (select count(*) from registration_sessions where session_id = ${event.sessionIds[0]!} and status = 'confirmed')::int as confirmed,
        (select count(*) from registration_sessions where session_id = ${event.sessionIds[0]!} and status = 'waiting')::int as waiting,
        (select count(distinct wait_seq) from registration_sessions where session_id = ${event.sessionIds[0]!} and status = 'waiting')::int as seqs,
        (select count(*) from registrations where event_id = ${event.eventId})::int as regs,
        (select count(distinct car_id) from registrations where event_id = ${event.eventId})::int as cars,
        (select count(distinct idempotency_key) from registrations where event_id = ${event.eventId})::int as keys,
        (select count(*) from registration_sessions rs join registrations r on r.id = rs.registration_id where r.event_id = ${event.eventId})::int as places`;
    const r = row!;
    console.log(
      `database: ${r.confirmed} confirmed, ${r.waiting} waiting (${r.seqs} distinct positions), ${r.regs} registrations, ${r.cars} distinct cars, ${r.keys} distinct idempotency keys`,
    );
    return {
      [`exactly ${Math.min(CAPACITY, n)} confirmed (capacity ${CAPACITY}, ${n} registered)`]:
        r.confirmed === Math.min(CAPACITY, n),
      "every other car waiting, each in its own position":
        r.waiting === Math.max(0, n - CAPACITY) && r.seqs === r.waiting,
      "one registration per successful POST, no car twice": r.regs === n && r.cars === n && r.places === n,
      "idempotency keys unique": r.keys === r.regs,
      "every POST redirected to its own registration": new Set(registrationIds).size === n,
    };
  } finally {
    await sql.end();
  }
}

/** Waits (at most `seconds`) until the instances have sent the queued mails, so pgbench runs on a quiet machine. */
export async function drainMailQueue(databaseUrl: string, seconds: number): Promise<number> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const deadline = Date.now() + seconds * 1000;
    for (;;) {
      const [row] = await sql<
        { n: number }[]
      >`select (select count(*)::int from graphile_worker.jobs where task_identifier = 'sendMail' and run_at <= now() and attempts < max_attempts)
        + (select count(*)::int from mail_outbox_pending) as n`;
      if (row!.n === 0 || Date.now() > deadline) return row!.n;
      await new Promise((r) => setTimeout(r, 500));
    }
  } finally {
    await sql.end();
  }
}

/**
 * How many mails about the event's registrations had been sent, and how many had their jobs, by
 * now: asked right after the burst, what the mail worker did during it (its CPU counts in the
 * burst's; docs/PERFORMANCE.md, "Mails held back in a rush").
 */
export async function mailsSentSoFar(databaseUrl: string, eventId: string) {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ sent: number; jobs: number }[]>`
      select count(*) filter (where m.status = 'sent')::int as sent,
        count(*) filter (where not exists (select 1 from mail_outbox_pending p where p.mail_id = m.id))::int as jobs
      from mail_outbox m join registrations r on r.id = m.registration_id where r.event_id = ${eventId}`;
    return row!;
  } finally {
    await sql.end();
  }
}
