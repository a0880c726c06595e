import type postgres from "postgres";

type Unsafe = postgres.Sql["unsafe"];

/**
 * The postgres.js client as Drizzle is given it: every statement prepared. Drizzle runs each
 * statement it was not given a name for with `prepare: false`, and postgres.js then sends a
 * statement with parameters alone and waits for the server to describe it before sending its
 * values (its README: "costs a round trip"). Statements meant to go out together (db/query.ts
 * `pipelined`) so went one round trip each: about twenty for a registration. Prepared, a text is
 * described once for the pool and statements go out together, in one write. postgres.js keeps at
 * most 1,000 statements per connection (closing the least recently used). If a column changes
 * type while the app runs, a statement prepared before fails once and is prepared again (retried
 * by itself outside a transaction; inside one, the error is the transaction's): migrations run
 * before the app starts. Transactions and savepoints hand Drizzle a client of their own, wrapped
 * the same way.
 */
export function preparedStatements(client: postgres.Sql): postgres.Sql {
  return new Proxy(client, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop);
      if (prop === "unsafe")
        return ((query, args, options) => target.unsafe(query, args, { ...options, prepare: true })) as Unsafe;
      if (prop === "begin" || prop === "savepoint")
        return (...args: unknown[]) => {
          const scope = args.pop() as (tx: postgres.Sql) => unknown;
          return (value as (...a: unknown[]) => unknown).call(target, ...args, (tx: postgres.Sql) =>
            scope(preparedStatements(tx)),
          );
        };
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
