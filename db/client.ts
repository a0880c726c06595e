import "server-only";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { env } from "@/env";
import { preparedStatements } from "./prepared";
import type { Db } from "./query";
import * as schema from "./schema";

type Cache = { sql?: postgres.Sql; db?: Db; probe?: postgres.Sql };
// Cached on globalThis so dev-mode hot reloads do not open a new pool each time.
const cache = globalThis as unknown as { __ringmeetDb?: Cache };

/**
 * Limits every connection of the pool carries (milliseconds), so one stuck query or forgotten
 * transaction cannot hold a session's lock, and with it every registration behind it, for long.
 * A registration waits its turn on a session's row lock: with two instances of 10 connections
 * each at most 19 transactions queue ahead of it, each holding the lock a few milliseconds, so a
 * wait of seconds already means something is wrong. Requests that hit a limit are answered 503
 * "try again" (db/unavailable.ts), like those during an outage.
 */
export const DATABASE_TIMEOUTS = {
  statement_timeout: 15_000,
  lock_timeout: 10_000,
  idle_in_transaction_session_timeout: 15_000,
} as const;

/**
 * Seconds before reconnecting after the `retries`-th failed connection: 0.1, 0.2, 0.4, 0.8, then
 * every second. postgres.js's own backoff grows to 20 s and counts every failure of the pool: after
 * an outage of a few busy seconds the pool stayed away for up to 20 s more.
 */
const reconnectDelay = (retries: number) => Math.min(0.05 * 2 ** retries, 1);

/** The app's connection pool; its size defaults to 10, where Postgres serves a hot row best. */
export function sqlClient(): postgres.Sql {
  const c = (cache.__ringmeetDb ??= {});
  // After a lost connection (a restart, an outage) postgres.js opens a new one for the next query.
  c.sql ??= postgres(env().databaseUrl, {
    max: Number(process.env.DATABASE_POOL_MAX ?? 10),
    idle_timeout: 30,
    connect_timeout: 5,
    backoff: reconnectDelay,
    connection: { application_name: "ringmeet", ...DATABASE_TIMEOUTS },
    onnotice: () => {},
  });
  return c.sql;
}

/**
 * One connection of its own for the health probe (db/health.ts): during a burst the pool's queue
 * is seconds long, and a probe waiting in it would call a busy instance dead and have a load
 * balancer take it out just when it is needed.
 */
export function probeClient(): postgres.Sql {
  const c = (cache.__ringmeetDb ??= {});
  c.probe ??= postgres(env().databaseUrl, {
    max: 1,
    idle_timeout: 60,
    connect_timeout: 2,
    backoff: reconnectDelay,
    connection: { application_name: "ringmeet-health", statement_timeout: 2000 },
    onnotice: () => {},
  });
  return c.probe;
}

/** Closes the pool, letting running queries finish (at most `seconds`); the next query opens a new one. */
export async function closeDatabasePool(seconds = 5): Promise<void> {
  const c = cache.__ringmeetDb;
  if (!c) return;
  delete cache.__ringmeetDb;
  await Promise.all([c.sql?.end({ timeout: seconds }), c.probe?.end({ timeout: seconds })]);
}

export function db(): Db {
  const c = (cache.__ringmeetDb ??= {});
  // Prepared, so statements sent together share a round trip (db/prepared.ts).
  c.db ??= drizzle(preparedStatements(sqlClient()), { schema });
  return c.db;
}
