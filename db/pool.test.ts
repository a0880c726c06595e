import postgres from "postgres";
import { afterAll, describe, expect, inject, it } from "vitest";
import { sqlClient } from "./client";

// The pool sends one query (or batch) per connection and queues the rest in arrival order
// (db/client.ts, max_pipeline: 1). Pipelined instead, a quick query can land behind one waiting on
// a lock and wait for that lock too: what made a burst's slowest registrations twice as slow.

const holder = postgres(inject("databaseUrl"), { max: 1, onnotice: () => {} });
afterAll(() => holder.end());

describe("the app's pool", () => {
  it("gives a query the first connection to come free, not a place behind a query waiting on a lock", async () => {
    const pool = sqlClient();
    const size = Number(process.env.DATABASE_POOL_MAX ?? 10);
    const keys = Array.from({ length: size }, (_, i) => 734_000 + i);
    const held = await holder.reserve();
    try {
      for (const key of keys) await held`select pg_advisory_lock(${key})`;
      // Every connection of the pool waits on a lock of its own.
      const waiting = keys.map((key) => pool`select pg_advisory_xact_lock(${key})`.then(() => key));
      await expect
        .poll(
          async () =>
            (await held`select count(*)::int as n from pg_locks where locktype = 'advisory' and not granted`)[0]!.n,
          { timeout: 10_000 },
        )
        .toBe(size);
      const quick = pool`select ${"done"}::text as v`;
      // One lock let go: whichever connection that frees takes the quick query next.
      await held`select pg_advisory_unlock(${keys[size - 1]!})`;
      const first = await Promise.race([
        quick.then(([row]) => row!.v as string),
        new Promise((resolve) => setTimeout(resolve, 5_000, "still waiting")),
      ]);
      expect(first).toBe("done");
      for (const key of keys.slice(0, -1)) await held`select pg_advisory_unlock(${key})`;
      expect((await Promise.all(waiting)).sort()).toEqual(keys);
    } finally {
      await held`select pg_advisory_unlock_all()`;
      held.release();
    }
  });
});
