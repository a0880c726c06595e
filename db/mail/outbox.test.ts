import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { openEvent } from "@/test/registration";
import { uniqueEmail } from "@/test/unique";
import { db } from "../client";
import { sqlRows } from "../query";
import { drainAll, drainOutbox, keepDraining } from "./outbox";
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

describe("keepDraining in a rush", () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());
  const pass = (ms: number) => vi.advanceTimersByTimeAsync(ms);

  /** keepDraining with a stand-in drain that counts its calls, every 10 ms. */
  function counted(deferWhile: () => boolean, deferAtMostMs: number) {
    let drains = 0;
    const drain = keepDraining(db, {
      everyMs: 10,
      deferWhile,
      deferAtMostMs,
      drain: async () => void drains++,
    });
    return { drains: () => drains, stop: () => drain.stop() };
  }

  it("drains on every tick while there is no rush", async () => {
    const loop = counted(() => false, 60_000);
    await pass(100);
    await loop.stop();
    expect(loop.drains()).toBe(10);
  });

  it("waits while the rush lasts, but never longer than deferAtMostMs since the last drain", async () => {
    let rush = true;
    const loop = counted(() => rush, 300);
    await pass(290);
    expect(loop.drains()).toBe(0);
    await pass(20); // 300 ms since it started: one drain, then waiting again
    expect(loop.drains()).toBe(1);
    await pass(280);
    expect(loop.drains()).toBe(1);
    rush = false; // over: every tick again
    await pass(50);
    await loop.stop();
    expect(loop.drains()).toBe(6);
  });
});
