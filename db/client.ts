import "server-only";
import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { env } from "@/env";
import * as schema from "./schema";

export type Db = PostgresJsDatabase<typeof schema>;

type Cache = { sql?: postgres.Sql; db?: Db };
// Cached on globalThis so dev-mode hot reloads do not open a new pool each time.
const cache = globalThis as unknown as { __ringmeetDb?: Cache };

/** The app's connection pool; its size defaults to 10, where Postgres serves a hot row best. */
export function sqlClient(): postgres.Sql {
  const c = (cache.__ringmeetDb ??= {});
  c.sql ??= postgres(env().databaseUrl, {
    max: Number(process.env.DATABASE_POOL_MAX ?? 10),
    idle_timeout: 30,
    connect_timeout: 5,
    onnotice: () => {},
  });
  return c.sql;
}

export function db(): Db {
  const c = (cache.__ringmeetDb ??= {});
  c.db ??= drizzle(sqlClient(), { schema });
  return c.db;
}
