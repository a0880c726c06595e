import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { sqlRows, type Db, type Tx } from "../query";
import type { RegistrationMail, SendMailJob } from "./kinds";

export const SEND_TASK = "sendMail";
/** e^1 … e^9 seconds between tries (graphile-worker's back-off): the tenth is about 3½ hours after the first. */
export const MAIL_ATTEMPTS = 10;
/** A sign-in link lives 10 minutes; the sixth try comes about four minutes after the first, later ones would bring a dead link. */
export const SIGN_IN_ATTEMPTS = 6;

type Options = { maxAttempts?: number; priority?: number; secret?: string };

/**
 * Inserts outbox rows (`rows`: a SELECT of kind, payload, recipient, user_id, registration_id,
 * event_id, dedupe_key) in one statement of the caller's transaction: a mail exists exactly when
 * the change it reports commits, one row per recipient, so a refused address retries only its own
 * mail. A row whose dedupe key exists is not queued again. Its `sendMail` job is made by the drain
 * (db/mail/outbox.ts) within a second, outside the caller's transaction; a mail carrying a secret
 * (a link, a token, which only the job may hold) gets its job here, at once.
 */
export async function queueRows(q: Tx | Db, rows: SQL, options: Options = {}): Promise<number> {
  if (options.secret === undefined) return (await pendingRows(q, rows)).length;
  const queued = await sqlRows(
    q,
    sql`with m as (${outboxInsert(rows)})
    select graphile_worker.add_job(${SEND_TASK}, json_build_object('mailId', m.id, 'secret', ${options.secret}::text),
      max_attempts := ${options.maxAttempts ?? MAIL_ATTEMPTS}::int, job_key := 'mail:' || m.id, priority := ${options.priority ?? 0}::int) from m`,
  );
  return queued.length;
}

const outboxInsert = (
  rows: SQL,
) => sql`insert into mail_outbox (kind, payload, recipient, user_id, registration_id, event_id, dedupe_key)
  ${rows}
  on conflict (dedupe_key) do nothing
  returning id`;

/** The outbox rows and their pending marks, as one statement. */
const pendingSql = (rows: SQL) =>
  sql`with m as (${outboxInsert(rows)}) insert into mail_outbox_pending (mail_id) select id from m returning mail_id`;

/** pendingSql as one lazy statement (for a pipeline, db/query.ts). */
const pendingRows = (q: Tx | Db, rows: SQL) => q.execute(pendingSql(rows));

/**
 * A mail about one registration: to its owner's address, and for "registration received" also to
 * the second driver's (each its own row and job). `dedupe` keys the rows when the caller may run
 * twice (a scheduled reminder's job).
 */
export async function queueRegistrationMail(
  tx: Tx | Db,
  mail: RegistrationMail,
  dedupe: string | null = null,
): Promise<number> {
  return (await registrationMail(tx, mail, dedupe)).length;
}

/** queueRegistrationMail as one lazy statement, for a write that sends it in a pipeline (db/query.ts). */
export const registrationMail = (tx: Tx | Db, mail: RegistrationMail, dedupe: string | null = null) =>
  tx.execute(registrationMailSql(mail, dedupe));

/** queueRegistrationMail's statement, for a batch (db/batch.ts). */
export const registrationMailSql = (mail: RegistrationMail, dedupe: string | null = null) =>
  pendingSql(
    sql`
    select ${mail.kind}, ${JSON.stringify(mail)}::jsonb || jsonb_build_object('to', t.role), t.email, t.user_id, r.id, r.event_id, ${dedupe}::text || ':' || t.role
    from registrations r left join users u on u.id = r.owner_id
    cross join lateral (values ('owner', u.email, u.id), ('secondDriver', r.second_driver_email, null::text)) as t(role, email, user_id)
    where r.id = ${mail.registrationId} and t.email is not null and (t.role = 'owner' or ${mail.kind} = 'registrationReceived')`,
  );

/** "Event cancelled" to each owner with an active registration (once however many cars). */
export function queueEventCancelled(tx: Tx, eventId: string): Promise<number> {
  return queueRows(
    tx,
    sql`
    select distinct on (u.id) 'eventCancelled', '{}'::jsonb, u.email, u.id, null::uuid, r.event_id, null::text
    from registrations r join users u on u.id = r.owner_id
    where r.event_id = ${eventId} and r.status = 'active' and u.email is not null`,
  );
}

/** "Session removed" to each owner with an active registration in it; call before the session is deleted. */
export function queueSessionRemoved(tx: Tx, eventId: string, session: { id: string; name: string }): Promise<number> {
  return queueRows(
    tx,
    sql`
    select distinct on (u.id) 'sessionRemoved', jsonb_build_object('session', ${session.name}::text), u.email, u.id, null::uuid, ${eventId}::uuid, null::text
    from registration_sessions rs join registrations r on r.id = rs.registration_id and r.status = 'active'
    join users u on u.id = r.owner_id
    where rs.session_id = ${session.id} and u.email is not null`,
  );
}

/**
 * "The waiver changed, please sign again" to each owner of an active registration whose driver
 * signed an earlier version of the event's waiver than `version` (one mail per registration).
 */
export function queueWaiverChanged(tx: Tx, eventId: string, version: number): Promise<number> {
  return queueRows(
    tx,
    sql`
    select distinct on (r.id) 'waiverChanged', jsonb_build_object('version', ${version}::int), u.email, u.id, r.id, r.event_id, null::text
    from waiver_signatures w join waiver_versions v on v.id = w.waiver_version_id
    join registrations r on r.id = w.registration_id and r.status = 'active'
    join users u on u.id = r.owner_id
    where v.event_id = ${eventId} and v.version < ${version} and w.signer = 'driver' and u.email is not null`,
  );
}

/** A second driver's link to sign the waiver; the token travels only in the job. */
export function queueWaiverToSign(tx: Tx, registrationId: string, email: string, token: string): Promise<number> {
  return queueRows(
    tx,
    sql`select 'waiverToSign', '{}'::jsonb, ${email}::text, null::text, r.id, r.event_id, null::text
    from registrations r where r.id = ${registrationId}`,
    { secret: token },
  );
}

/** "Transfer offered": the link to take over a place, to the address the giver named; the token travels only in the job. */
export function queueTransferOffered(tx: Tx, registrationId: string, email: string, token: string): Promise<number> {
  return queueRows(
    tx,
    sql`select 'transferOffered', '{}'::jsonb, ${email}::text, (select id from users where lower(email) = lower(${email}) limit 1), r.id, r.event_id, null::text
    from registrations r where r.id = ${registrationId}`,
    { secret: token },
  );
}

/** The broadcast to each of its recipient rows not yet sent to. */
export function queueBroadcast(tx: Tx | Db, broadcastId: string): Promise<number> {
  return queueRows(
    tx,
    sql`
    select 'broadcast', jsonb_build_object('broadcastId', b.id), br.email, br.user_id, null::uuid, b.event_id, 'broadcast:' || b.id || ':' || br.email
    from broadcast_recipients br join broadcasts b on b.id = br.broadcast_id
    where b.id = ${broadcastId} and br.sent_at is null`,
  );
}

/** A club invitation; its one-time token travels only in the job. */
export function queueInvitation(
  tx: Tx | Db,
  invitationId: string,
  token: string,
  dedupe: string | null = null,
): Promise<number> {
  return queueRows(
    tx,
    sql`
    select 'invitation', jsonb_build_object('invitationId', ci.id), ci.email, u.id, null::uuid, null::uuid, ${dedupe}::text
    from club_invitations ci left join users u on lower(u.email) = ci.email
    where ci.id = ${invitationId}`,
    { secret: token },
  );
}

/**
 * A sign-in link: first in the queue (the person is waiting for it), tried for as long as the link
 * lives. The link travels only in the job; the row keeps that a link was sent, not the link.
 */
export function queueSignIn(q: Db, to: string, link: string, locale: string): Promise<number> {
  return queueRows(
    q,
    sql`select 'signIn', jsonb_build_object('locale', ${locale}::text), ${to}::text, null::text, null::uuid, null::uuid, null::text`,
    { secret: link, priority: -10, maxAttempts: SIGN_IN_ATTEMPTS },
  );
}

/** Queues a registration's mail in the caller's transaction, so it exists exactly when the change it reports commits. */
export async function enqueueMail(tx: Tx, mail: RegistrationMail): Promise<void> {
  await queueRegistrationMail(tx, mail);
}

export type { SendMailJob };
