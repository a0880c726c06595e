import { sql, type SQL } from "drizzle-orm";
import { dayKey } from "@/lib/time";
import { cancellationFee, type LedgerRow } from "@/lib/payments/ledger";
import { idList, sqlRows, type Db, type Tx } from "../query";

// The ledger's charges follow what registrations hold (lib/payments/ledger.ts `settle`, which a
// property test holds this SQL to): an item held and not charged is charged at today's price, an
// item charged and no longer held is credited. An item held keeps its charge when its price
// changes, even to nothing: a free item is still held, it is only never charged. Every write that
// changes places calls it in its own transaction. Two transactions may settle one registration at once (an owner's change and a
// promotion by someone else's cancellation): each row's key counts the item's earlier rows, so
// the second insert of the same charge meets the first one's key and adds nothing.
// Steps inside a caller's transaction, deciding nothing about who may: not marked server-only, so
// the demo seed (a plain script) charges its registrations the same way.

/** A held item's key: "session:<id>" or "entry" (while any place is confirmed). Cancelled registrations and events hold nothing. */
const settleSql = (which: SQL) => sql`
  with reg as (
    select r.id, r.event_id, f.entry_cents, r.status = 'active' and e.status <> 'cancelled' as live
    from registrations r join events e on e.id = r.event_id join event_fees f on f.event_id = r.event_id
    where ${which}
  ),
  held as (
    select reg.id as registration_id, 'session:' || es.id as item, es.price_cents as cents
    from reg join registration_sessions rs on rs.registration_id = reg.id and rs.status = 'confirmed'
    join event_sessions es on es.id = rs.session_id
    where reg.live
    union all
    select reg.id, 'entry', reg.entry_cents from reg
    where reg.live
      and exists (select 1 from registration_sessions rs where rs.registration_id = reg.id and rs.status = 'confirmed')
  ),
  items as (
    select l.registration_id, l.item,
      sum(case l.kind when 'charge' then l.cents else -l.cents end)::int as net,
      count(*) filter (where l.kind = 'charge')::int as charges,
      count(*) filter (where l.kind = 'credit')::int as credits
    from ledger_entries l join reg on reg.id = l.registration_id
    where l.kind in ('charge', 'credit') and l.item <> 'cancellation'
    group by l.registration_id, l.item
  ),
  changes as (
    select h.registration_id, 'charge'::ledger_kind as kind, h.item, h.cents, coalesce(i.charges, 0) as n
    from held h left join items i on i.registration_id = h.registration_id and i.item = h.item
    where coalesce(i.net, 0) = 0 and h.cents > 0
    union all
    select i.registration_id, 'credit'::ledger_kind, i.item, i.net, i.credits
    from items i
    where i.net > 0 and not exists (select 1 from held h where h.registration_id = i.registration_id and h.item = i.item)
  )
  insert into ledger_entries (event_id, registration_id, kind, item, cents, source_key)
  select reg.event_id, reg.id, c.kind, c.item, c.cents, reg.id || ':' || c.item || ':' || c.kind || ':' || c.n
  from changes c join reg on reg.id = c.registration_id
  on conflict (source_key) do nothing`;

/** Settles the registrations' charges with what they hold now; a free event's registrations are left alone. */
export async function settleCharges(tx: Tx, registrationIds: string | string[]): Promise<void> {
  const ids = typeof registrationIds === "string" ? [registrationIds] : [...new Set(registrationIds)];
  if (ids.length === 0) return;
  await settleOne(tx, ids);
}

/** settleCharges as a lazy statement, for a caller that sends it in a pipeline (db/query.ts `pipelined`). */
export const settleOne = (tx: Tx, ids: string[]) => tx.execute(settleOneSql(ids));

/** settleCharges's statement, for a batch (db/batch.ts). */
export const settleOneSql = (ids: string[]) => settleSql(sql`r.id in (${idList(ids)})`);

/** Every registration of an event (its cancellation credits them all). */
export async function settleEvent(tx: Tx, eventId: string): Promise<void> {
  await tx.execute(settleSql(sql`r.event_id = ${eventId}`));
}

/** The registration's charges, credits, payments and refunds, oldest first. */
export const ledgerOf = (q: Db | Tx, registrationId: string) =>
  sqlRows<LedgerRow>(
    q,
    sql`select kind, item, cents from ledger_entries where registration_id = ${registrationId} order by id`,
  );

/**
 * An owner's cancellation (call it after the registration is marked cancelled and its places
 * deleted): its charges are credited; after the event's full-refund day (Europe/Berlin) the club
 * keeps what was paid, as a cancellation fee, unless `fullRefund` says otherwise.
 */
export async function settleCancellation(tx: Tx, registrationId: string, now: Date): Promise<void> {
  const [before, [fees]] = await Promise.all([
    ledgerOf(tx, registrationId),
    sqlRows<{ full_refund_until: string | null }>(
      tx,
      sql`select f.full_refund_until from registrations r join event_fees f on f.event_id = r.event_id where r.id = ${registrationId}`,
    ),
  ]);
  if (!fees) return;
  const fullRefund = !fees.full_refund_until || dayKey(now) <= fees.full_refund_until;
  await settleCharges(tx, registrationId);
  const fee = cancellationFee(before, fullRefund);
  if (fee)
    await tx.execute(sql`
      insert into ledger_entries (event_id, registration_id, kind, item, cents, source_key)
      select event_id, id, 'charge', ${fee.item}, ${fee.cents}, id || ':cancellation:charge:0'
      from registrations where id = ${registrationId}
      on conflict (source_key) do nothing`);
}
