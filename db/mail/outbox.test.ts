import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openEvent } from "@/test/registration";
import { uniqueEmail } from "@/test/unique";
import { db } from "../client";
import { sqlRows } from "../query";
import { drainAll, drainOutbox } from "./outbox";
import { queueRows } from "./queue";

/** `n` "event cancelled" mails about a fresh event, queued as a write would queue them; their ids. */
async function queued(n: number): Promise<string[]> {
  const { event } = await openEvent();
  const to = Array.from({ length: n }, (_, i) => uniqueEmail(`drain${i}`));
  await db().transaction((tx) =>
    queueRows(
      tx,
      sql`select 'eventCancelled', '{}'::jsonb, t.email, null::text, null::uuid, ${event.id}::uuid, null::text
      from jsonb_array_elements_text(${JSON.stringify(to)}::jsonb) as t(email)`,
    ),
  );
  const rows = await sqlRows<{ id: string }>(db(), sql`select id from mail_outbox where event_id = ${event.id}`);
  return rows.map((r) => r.id);
}

const jobsOf = (ids: string[]) =>
  sqlRows<{ key: string; payload: { mailId: string }; max_attempts: number }>(
    db(),
    sql`select key, payload, max_attempts from graphile_worker._private_jobs where payload->>'mailId' in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`,
  );

describe("the outbox drain", () => {
  it("gives each queued mail exactly one sendMail job, however many processes drain at once", async () => {
    const ids = await queued(40);
    expect(await jobsOf(ids)).toEqual([]);
    await Promise.all(Array.from({ length: 4 }, () => drainAll(db(), 7)));
    const jobs = await jobsOf(ids);
    expect(jobs.map((j) => j.payload.mailId).sort()).toEqual([...ids].sort());
    expect(jobs.every((j) => j.max_attempts === 10)).toBe(true);
    const pending = await sqlRows(
      db(),
      sql`select 1 from mail_outbox_pending where mail_id::text in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`,
    );
    expect(pending).toEqual([]);
    await drainOutbox(db());
    expect(await jobsOf(ids)).toHaveLength(ids.length);
  });

  it("queues nothing when a transaction that queued mail rolls back", async () => {
    const { event } = await openEvent();
    await expect(
      db().transaction(async (tx) => {
        await queueRows(
          tx,
          sql`select 'eventCancelled', '{}'::jsonb, ${uniqueEmail("rolled")}::text, null::text, null::uuid, ${event.id}::uuid, null::text`,
        );
        throw new Error("refused");
      }),
    ).rejects.toThrow("refused");
    await drainAll(db());
    const rows = await sqlRows(db(), sql`select 1 from mail_outbox where event_id = ${event.id}`);
    expect(rows).toEqual([]);
  });
});
