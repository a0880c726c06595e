import { sql, type SQL } from "drizzle-orm";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import type * as schema from "./schema";

// Types and small SQL helpers, no pool: scripts, seeds and tests import this without db/client.ts.

/** The app's database: the pool (db/client.ts `db()`), or a script's or test's own connection. */
export type Db = PostgresJsDatabase<typeof schema>;

/** A transaction on it: what a data function takes when it must run under its caller's locks. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * The rows of a raw SQL statement, typed as `T`: the one place that asserts a raw row's shape.
 * The postgres-js driver answers a RowList (an array of `Record<string, unknown>` with the count
 * and columns on it), and Drizzle's `execute<T>` types it through a conditional type that does
 * not reduce to `T[]`, so every caller used to cast. Nothing checks `T` at run time and Drizzle
 * maps no column here: use the SQL's own names, and expect timestamps and bigints as strings,
 * json already parsed, and `count(*)` as a string unless cast (`::int`).
 */
export async function sqlRows<T = Record<string, unknown>>(q: Db | Tx, query: SQL): Promise<T[]> {
  return (await q.execute(query)) as T[];
}

/** Ids as a list of uuid parameters, for `… in (${idList(ids)})`. */
export const idList = (ids: readonly string[]): SQL =>
  sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );

/**
 * sqlRows's reading, still lazy: the statement is sent when first awaited, so it keeps its place in
 * a pipeline (`pipelined`, below) as a query builder does. The same caveats on `T`.
 */
export function lazyRows<T = Record<string, unknown>>(q: Db | Tx, query: SQL): PromiseLike<T[]> {
  return q.execute(query) as unknown as PromiseLike<T[]>;
}

/**
 * Starts lazy Drizzle queries (query builders, `tx.execute(sql)`, not yet awaited) now, in this
 * order: postgres.js sends them back to back on the transaction's connection, one round trip, and
 * the server runs them in that order, each a statement with its own snapshot, so a later one sees
 * what an earlier one wrote or waited for (a lock). `Promise.all` of the same queries, or of async
 * functions that build them, may start them in another order.
 */
export function pipelined<const T extends readonly PromiseLike<unknown>[]>(
  ...queries: T
): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  return Promise.all(queries.map((q) => new Promise((resolve, reject) => void q.then(resolve, reject)))) as never;
}
