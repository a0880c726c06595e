import type postgres from "postgres";

// No import of the pool: db/client.ts wraps its pool with this, and tests wrap their own.

/** What a transaction's `begin` callback is handed: a connection of its own for its statements. */
type Scope = postgres.ReservedSql;

/**
 * The pool `sql`, but its `begin` does not wait for BEGIN alone: postgres.js's `begin` awaits
 * BEGIN's answer before running the callback, a round trip that does nothing, paid under load by
 * every registration (docs/PERFORMANCE.md). This one reserves a connection, starts BEGIN and lets
 * the callback's first statements follow it in the same write (postgres.js sends a connection's
 * queries in the order they were started), then COMMITs or, on an error, rolls back. Everything
 * else (`unsafe`, `options`, which Drizzle uses) is the pool's own.
 */
export function withPipelinedBegin(sql: postgres.Sql): postgres.Sql {
  const client = Object.create(sql) as postgres.Sql;
  // The callback gets a reserved connection, not a TransactionSql: it has no `savepoint`, so a
  // nested transaction fails at once rather than running outside this one (none is needed here).
  const begin = (fn: (scope: Scope) => unknown) => pipelinedBegin(sql, fn);
  client.begin = begin as unknown as postgres.Sql["begin"];
  return client;
}

async function pipelinedBegin<T>(sql: postgres.Sql, fn: (scope: Scope) => T | Promise<T>): Promise<T> {
  const scope = await sql.reserve();
  try {
    const began = scope.unsafe("begin").execute();
    // Its failure (a lost connection) also fails every statement behind it; it is thrown below.
    began.catch(() => {});
    let result: T;
    try {
      result = await fn(scope);
      await began;
    } catch (error) {
      await scope.unsafe("rollback").catch(() => {});
      throw error;
    }
    // A statement that failed without the callback awaiting it has aborted the transaction, and
    // COMMIT then rolls it back: say so rather than report a write that did not happen.
    const ended = await scope.unsafe("commit");
    if (ended.command !== "COMMIT") throw new Error(`The transaction ended in ${ended.command}, not COMMIT`);
    return result;
  } finally {
    scope.release();
  }
}
