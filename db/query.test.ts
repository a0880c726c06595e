import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "./client";
import { pipelined } from "./query";

describe("pipelined", () => {
  it("runs lazy queries in the order given, each seeing what the ones before it wrote", async () => {
    const seen = await db().transaction(async (tx) => {
      await tx.execute(sql`create temporary table pipelined_probe (n int) on commit drop`);
      const steps = Array.from({ length: 20 }, (_, i) =>
        i % 2 === 0
          ? tx.execute(sql`insert into pipelined_probe values (${i}) returning n`)
          : tx.execute(sql`select count(*)::int as n from pipelined_probe`),
      );
      return pipelined(...steps);
    });
    // The i-th count sees the inserts before it: 1, 2, 3, …
    expect(seen.filter((_, i) => i % 2 === 1).map((rows) => (rows as unknown as { n: number }[])[0]!.n)).toEqual(
      Array.from({ length: 10 }, (_, i) => i + 1),
    );
  });
});
