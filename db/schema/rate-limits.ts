import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Counters of rate-limiter-flexible's Drizzle store (db/rate-limit.ts): one row per limited key,
 * shared by every app instance. Keys are hashes, so no address or IP is kept here.
 */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  points: integer("points").notNull().default(0),
  expire: timestamp("expire", { mode: "date", withTimezone: true }),
});
