import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, pipelinedTransaction } from "./client";
import { sqlRows } from "./query";
import { rateLimits } from "./schema";

// pipelinedTransaction sends BEGIN with the first statements instead of awaiting it alone
// (db/pipelined-begin.ts). It must still be a transaction from the first statement to COMMIT.
const counter = () => `test:${randomUUID()}`;
const stored = async (key: string) => db().select().from(rateLimits).where(eq(rateLimits.key, key));

describe("a transaction whose BEGIN is pipelined", () => {
  it("runs its first statement inside the transaction, and commits", async () => {
    const key = counter();
    const moments = await pipelinedTransaction(async (tx) => {
      const [first] = await sqlRows<{ at: string; xact: string }>(
        tx,
        sql`select now()::text as at, pg_current_xact_id()::text as xact`,
      );
      await new Promise((resolve) => setTimeout(resolve, 20));
      await tx.insert(rateLimits).values({ key, points: 1 });
      const [later] = await sqlRows<{ at: string; xact: string }>(
        tx,
        sql`select now()::text as at, pg_current_xact_id()::text as xact`,
      );
      return [first!, later!];
    });
    // now() is the transaction's start: the same in both only if BEGIN came before the first.
    expect(moments[0]).toEqual(moments[1]);
    expect(await stored(key)).toHaveLength(1);
  });

  it("rolls back what it wrote when the callback throws", async () => {
    const key = counter();
    await expect(
      pipelinedTransaction(async (tx) => {
        await tx.insert(rateLimits).values({ key, points: 1 });
        throw new Error("refused half way");
      }),
    ).rejects.toThrow("refused half way");
    expect(await stored(key)).toEqual([]);
  });

  it("reports a statement that failed unawaited rather than a commit that rolled back", async () => {
    const key = counter();
    await expect(
      pipelinedTransaction(async (tx) => {
        await tx.insert(rateLimits).values({ key, points: 1 });
        // Fails (the key exists); nothing awaits it, so only COMMIT's answer can tell.
        void tx
          .insert(rateLimits)
          .values({ key, points: 1 })
          .then(
            () => undefined,
            () => undefined,
          );
        await new Promise((resolve) => setTimeout(resolve, 50));
      }),
    ).rejects.toThrow(/ended in ROLLBACK/);
    expect(await stored(key)).toEqual([]);
  });

  it("gives the connection back to the pool each time, whatever happened", async () => {
    const runs = Array.from({ length: 30 }, (_, i) =>
      pipelinedTransaction(async (tx) => {
        await tx.insert(rateLimits).values({ key: counter(), points: 1 });
        if (i % 3 === 0) throw new Error("no");
        return i;
      }).catch(() => -1),
    );
    expect((await Promise.all(runs)).filter((r) => r >= 0)).toHaveLength(20);
    expect(await pipelinedTransaction(async (tx) => (await sqlRows(tx, sql`select 1 as one`)).length)).toBe(1);
  });
});
