import net from "node:net";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { afterAll, describe, expect, inject, it } from "vitest";
import { preparedStatements } from "./prepared";
import { pipelined } from "./query";

// A client whose socket counts its writes: a statement that waits for its description before its
// values costs a write (and a round trip) of its own.
function countingClient() {
  let writes = 0;
  const client = postgres(inject("databaseUrl"), {
    max: 1,
    onnotice: () => {},
    socket: ({ host: [host], port: [port] }: { host: string[]; port: number[] }) =>
      new Promise<net.Socket>((resolve, reject) => {
        const socket = net.connect(port!, host!);
        const write = socket.write.bind(socket) as (...args: unknown[]) => boolean;
        socket.write = ((...args: unknown[]) => (writes++, write(...args))) as typeof socket.write;
        socket.once("connect", () => resolve(socket)).once("error", reject);
      }),
  } as postgres.Options<Record<string, postgres.PostgresType>>);
  return { client, writes: () => writes };
}

const clients: postgres.Sql[] = [];
afterAll(() => Promise.all(clients.map((c) => c.end())));

/** Writes on the connection for one transaction of three statements with parameters sent together. */
async function writesForPipeline(wrap: (c: postgres.Sql) => postgres.Sql): Promise<{ writes: number; rows: unknown }> {
  const counting = countingClient();
  clients.push(counting.client);
  const database = drizzle(wrap(counting.client));
  const run = () =>
    database.transaction((tx) =>
      pipelined(
        tx.execute(sql`select ${"a"}::text || 'x' as v`),
        tx.execute(sql`select ${2}::int + 1 as n`),
        tx.execute(sql`select ${"b"}::text as w where ${"b"}::text = 'b'`),
      ),
    );
  await run(); // the first time, each statement is described
  const before = counting.writes();
  const rows = await run();
  return { writes: counting.writes() - before, rows };
}

describe("preparedStatements", () => {
  it("sends statements started together in one write: BEGIN, the three, COMMIT", async () => {
    const { writes, rows } = await writesForPipeline(preparedStatements);
    expect(rows).toEqual([[{ v: "ax" }], [{ n: 3 }], [{ w: "b" }]]);
    expect(writes).toBe(3);
  });

  it("is needed: Drizzle on the bare client waits for each statement's description", async () => {
    const { writes } = await writesForPipeline((c) => c);
    expect(writes).toBeGreaterThanOrEqual(5);
  });

  it("wraps savepoints (nested transactions) too, and rolls them back", async () => {
    const counting = countingClient();
    clients.push(counting.client);
    const database = drizzle(preparedStatements(counting.client));
    const result = await database.transaction(async (tx) => {
      await tx.execute(sql`create temporary table t (v text) on commit drop`);
      await tx
        .transaction(async (inner) => {
          await inner.execute(sql`insert into t values (${"gone"})`);
          throw new Error("roll back the savepoint");
        })
        .catch(() => null);
      await tx.transaction((inner) => inner.execute(sql`insert into t values (${"kept"})`));
      return tx.execute(sql`select v from t where v <> ${""}`);
    });
    expect([...result]).toEqual([{ v: "kept" }]);
  });
});
