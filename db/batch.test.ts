import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { batch, ChangedSinceRead, expectThat, expectUnchanged, readWith, rows } from "./batch";
import { db } from "./client";
import { sqlRows } from "./query";

// rate_limits serves as a scratch table: a key of our own per test, nothing else reads it.
const insertKey = (key: string) => rows(sql`insert into rate_limits (key, points) values (${key}, 1) returning key`);
const keysLike = (key: string) =>
  sqlRows<{ key: string; points: number }>(db(), sql`select key, points from rate_limits where key = ${key}`);
const versionOf = async (key: string) =>
  (await sqlRows<{ v: string }>(db(), sql`select xmin::text as v from rate_limits where key = ${key}`))[0]!.v;

describe("batch", () => {
  it("answers each statement's rows in order, read as asked", async () => {
    const [a, b] = await batch(
      rows<{ n: number }>(sql`select ${2}::int + 1 as n`),
      readWith(sql`select ${"x"}::text as v union all select 'y'`, (row) => String(row.v).toUpperCase()),
    );
    expect(a).toEqual([{ n: 3 }]);
    expect(b).toEqual(["X", "Y"]);
  });

  it("commits its writes together", async () => {
    const key = `batch-${randomUUID()}`;
    const [, [updated]] = await batch(
      insertKey(key),
      rows<{ points: number }>(sql`update rate_limits set points = points + 1 where key = ${key} returning points`),
    );
    expect(updated).toEqual({ points: 2 });
    expect(await keysLike(key)).toEqual([{ key, points: 2 }]);
  });

  it("writes nothing when a row changed since it was read, and says so", async () => {
    const key = `batch-${randomUUID()}`;
    await batch(insertKey(key));
    const read = await versionOf(key);
    const check = () =>
      expectUnchanged(sql`select xmin from rate_limits where key = ${key} for share`, read, "the scratch row");
    const other = `batch-${randomUUID()}`;
    // Unchanged: the batch goes through.
    await batch(check(), insertKey(other));
    expect(await keysLike(other)).toHaveLength(1);
    await db().execute(sql`update rate_limits set points = 5 where key = ${key}`);
    const third = `batch-${randomUUID()}`;
    await expect(batch(insertKey(third), check())).rejects.toBeInstanceOf(ChangedSinceRead);
    expect(await keysLike(third)).toEqual([]);
    // A deleted row fails the check too.
    await db().execute(sql`delete from rate_limits where key = ${key}`);
    await expect(batch(check(), insertKey(third))).rejects.toThrow(/changed since it was read: the scratch row/);
    expect(await keysLike(third)).toEqual([]);
  });

  it("fails on a condition over locked rows, and passes other errors on as they are", async () => {
    const key = `batch-${randomUUID()}`;
    await batch(insertKey(key));
    const locked = sql`(select key from rate_limits where key = ${key} for update) l`;
    await batch(expectThat(sql`count(*) = 1`, locked, "one row"));
    await expect(batch(expectThat(sql`count(*) = 2`, locked, "two rows"))).rejects.toBeInstanceOf(ChangedSinceRead);
    const error = await batch(insertKey(`batch-${randomUUID()}`), rows(sql`select 1 / ${0}::int`)).catch((e) => e);
    expect(error).not.toBeInstanceOf(ChangedSinceRead);
    expect(error).toMatchObject({ code: "22012" });
  });
});
