import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type postgres from "postgres";
import { db, sqlClient } from "./client";

// A transaction costs four round trips at least: BEGIN, the reads, the writes, COMMIT. A batch is
// postgres.js's `sql.batch`: statements sent in one write under one Sync, which PostgreSQL runs as
// one implicit transaction (they commit together; one failing rolls back all and skips the rest).
// A write that reads first can then be two round trips, the reads and the writes, if the writes
// start by checking that what was read is still so (`expectUnchanged`), else write nothing and
// let the caller fall back to its transaction. Used where hundreds of owners press at once.

const dialect = new PgDialect();

/** A statement of a batch: its SQL, and how its rows are read (`rows`, `readWith`). */
export type Batched<T> = { query: SQL; read: (rows: Record<string, unknown>[]) => T };

/** The statement's rows as they come (db/query.ts sqlRows's caveats on `T` hold). */
export const rows = <T = Record<string, unknown>>(query: SQL): Batched<T[]> => ({ query, read: (r) => r as T[] });

/** The statement's rows, each through `read` (a db/row-reader.ts reader's, say). */
export const readWith = <T>(query: SQL, read: (row: Record<string, unknown>) => T): Batched<T[]> => ({
  query,
  read: (r) => r.map(read),
});

/** A batch's check found a row changed since it was read (PostgreSQL rolled the batch back). */
export class ChangedSinceRead extends Error {}

/** SQLSTATE of ringmeet_expect (db/migrations/0016_row_unchanged.sql). */
const CHANGED = "RM001";

/**
 * Locks the row `select` finds (it must select the row's `xmin` FOR SHARE or FOR UPDATE) and
 * fails the batch unless its version is still `version`, the `xmin` read before. Any update of
 * the row, and its deletion, change it; a row lock does not.
 */
export const expectUnchanged = (select: SQL, version: string, what: string): Batched<void> => ({
  query: sql`select ringmeet_expect((${select})::text = ${version}, ${what})`,
  read: () => undefined,
});

/** Fails the batch unless `ok` (a boolean SQL expression over `from`) holds. */
export const expectThat = (ok: SQL, from: SQL, what: string): Batched<void> => ({
  query: sql`select ringmeet_expect(${ok}, ${what}) from ${from}`,
  read: () => undefined,
});

type Results<T extends readonly Batched<unknown>[]> = { -readonly [K in keyof T]: ReturnType<T[K]["read"]> };

/**
 * Sends the statements as one batch on the app's pool, prepared (as db/prepared.ts does for
 * Drizzle), and reads their rows. Throws ChangedSinceRead when a check failed: nothing was written.
 */
export async function batch<const T extends readonly Batched<unknown>[]>(...statements: T): Promise<Results<T>> {
  db(); // Drizzle sets the pool's date parsers when it wraps it: rows are read as Drizzle reads them.
  const client = sqlClient();
  const queries = statements.map(({ query }) => {
    const { sql: text, params } = dialect.sqlToQuery(query);
    return client.unsafe(text, params as postgres.ParameterOrJSON<never>[], { prepare: true, simple: false });
  });
  try {
    const results = await client.batch(queries);
    return results.map((result, i) => statements[i]!.read(result as Record<string, unknown>[])) as Results<T>;
  } catch (error) {
    if ((error as { code?: string }).code === CHANGED) throw new ChangedSinceRead((error as Error).message);
    throw error;
  }
}
