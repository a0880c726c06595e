import postgres from "postgres";
import type { FormOutcome } from "./fault-burst";
import { CAPACITY, type BurstEvent } from "./registration-seed";

// What the database holds after a burst with a fault: nothing a 303 promised is missing, nothing
// is there twice, capacity held, and every "registration received" mail went out once.

export type FaultFigures = {
  forms: number;
  registered: number;
  distinctIds: number;
  unanswered: number;
  posts: number;
  confirmed: number;
  waiting: number;
  registrations: number;
  withoutAnswer: number;
  missing: number;
  mailsSent: number;
  mailsTwice: number;
  jobsLeft: number;
  jobsLocked: number;
};

export async function faultFigures(
  databaseUrl: string,
  event: BurstEvent,
  outcomes: FormOutcome[],
): Promise<FaultFigures> {
  const ids = outcomes.flatMap((o) => (o.registrationId ? [o.registrationId] : []));
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [places] = await sql<{ confirmed: number; waiting: number; registrations: number; cars: number }[]>`
      select count(*) filter (where rs.status = 'confirmed')::int as confirmed, count(*) filter (where rs.status = 'waiting')::int as waiting,
        (select count(*) from registrations where event_id = ${event.eventId})::int as registrations,
        (select count(distinct car_id) from registrations where event_id = ${event.eventId})::int as cars
      from registration_sessions rs where rs.session_id = ${event.sessionIds[0]!}`;
    const [promised] = await sql<{ found: number }[]>`
      select count(*)::int as found from registrations r
      where r.id = any(${ids}::uuid[]) and r.status = 'active'
        and exists (select 1 from registration_sessions rs where rs.registration_id = r.id and rs.session_id = ${event.sessionIds[0]!})`;
    const [mail] = await sql<{ sent: number; owners: number }[]>`
      select count(*)::int as sent, count(distinct m."to")::int as owners from dev_mail m
      join users u on u.email = m."to" join registrations r on r.owner_id = u.id and r.event_id = ${event.eventId}
      where m.subject = ${`Registration received: ${event.slug}`}`;
    const [jobs] = await sql<{ left: number; locked: number }[]>`
      select count(*)::int as left, count(locked_by)::int as locked from graphile_worker._private_jobs
      where payload->>'kind' = 'registrationReceived'`;
    if (places!.cars !== places!.registrations)
      throw new Error(`a car holds ${places!.registrations - places!.cars} registrations too many`);
    return {
      forms: outcomes.length,
      registered: ids.length,
      distinctIds: new Set(ids).size,
      unanswered: outcomes.length - ids.length,
      posts: outcomes.reduce((n, o) => n + o.attempts.length, 0),
      confirmed: places!.confirmed,
      waiting: places!.waiting,
      registrations: places!.registrations,
      withoutAnswer: places!.registrations - new Set(ids).size,
      missing: new Set(ids).size - promised!.found,
      mailsSent: mail!.sent,
      mailsTwice: mail!.sent - mail!.owners,
      jobsLeft: jobs!.left,
      jobsLocked: jobs!.locked,
    };
  } finally {
    await sql.end();
  }
}

/**
 * The issue's invariants over the figures; each name says what must hold. `inFlight`: mails that
 * may go out twice, those being handed over when the fault struck (docs/RELIABILITY.md, "What
 * exactly once means here": the mailbox took one, its `sent` mark did not commit).
 */
export function faultChecks(f: FaultFigures, inFlight = 0): Record<string, boolean> {
  return {
    [`confirmed ≤ capacity (${f.confirmed} of ${CAPACITY}), the rest waiting`]:
      f.confirmed <= CAPACITY && f.confirmed + f.waiting === f.registrations,
    "every POST answered 303 is confirmed or waiting in the database (none lost)": f.missing === 0,
    "one registration per car and per 303, none twice":
      f.distinctIds === f.registered && f.registrations === f.registered,
    "every form got its 303 in the end (after retries)": f.unanswered === 0,
    [`every registration's mail sent, ${inFlight ? `a second time only if in flight at the fault (≤ ${inFlight})` : "exactly once"}, none left queued or locked`]:
      f.mailsSent - f.mailsTwice === f.registrations &&
      f.mailsTwice <= inFlight &&
      f.jobsLeft === 0 &&
      f.jobsLocked === 0,
  };
}
