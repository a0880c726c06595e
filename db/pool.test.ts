import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, describe, expect, inject, it } from "vitest";
import { batch, batchAlone, rows } from "./batch";
import { sqlClient } from "./client";

// The pool pipelines a query on a busy connection. A batch that may wait on a lock goes alone on
// its connection (db/batch.ts batchAlone): a quick query sent behind it would wait for that lock
// too, as the registration's reads did behind other owners' writes waiting on the session's lock.

const holder = postgres(inject("databaseUrl"), { max: 1, onnotice: () => {} });
afterAll(() => holder.end());

/** Every pooled connection busy with a batch waiting on an advisory lock of its own; one let go, then the rest. */
async function quickQueryBehindLockWaiters(send: typeof batch): Promise<string> {
  const size = Number(process.env.DATABASE_POOL_MAX ?? 10);
  const keys = Array.from({ length: size }, (_, i) => 734_000 + i + (send === batch ? 100 : 0));
  const held = await holder.reserve();
  try {
    for (const key of keys) await held`select pg_advisory_lock(${key})`;
    const waiting = keys.map((key) => send(rows(sql`select pg_advisory_xact_lock(${key}::bigint)`)));
    const blocked = async () =>
      (await held`select count(*)::int as n from pg_locks where locktype = 'advisory' and not granted`)[0]!.n;
    await expect.poll(blocked, { timeout: 10_000 }).toBe(size);
    const quick = sqlClient()`select ${"done"}::text as v`;
    // One lock let go: the connection it frees should take the quick query next.
    await held`select pg_advisory_unlock(${keys[size - 1]!})`;
    const first = await Promise.race([
      quick.then(([row]) => row!.v as string),
      new Promise<string>((resolve) => setTimeout(resolve, 3_000, "still waiting")),
    ]);
    for (const key of keys.slice(0, -1)) await held`select pg_advisory_unlock(${key})`;
    await Promise.all([quick, ...waiting]);
    return first;
  } finally {
    await held`select pg_advisory_unlock_all()`;
    held.release();
  }
}

describe("a batch that may wait on a lock", () => {
  it("goes alone on its connection: a quick query takes the first connection to come free", async () => {
    expect(await quickQueryBehindLockWaiters(batchAlone)).toBe("done");
  });

  it("is needed: pipelined, the quick query may wait behind a lock it never asked for", async () => {
    // The pool places it behind one of the ten waiting batches, most often not the one let go.
    const outcomes: string[] = [];
    while (outcomes.length < 3 && !outcomes.includes("still waiting"))
      outcomes.push(await quickQueryBehindLockWaiters(batch));
    expect(outcomes).toContain("still waiting");
  });
});
