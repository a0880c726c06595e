import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { DrawInput, LotteryResult } from "@/lib/lottery/types";
import type { LotteryStats } from "@/lib/lottery/stats";
import { users } from "./auth";
import { events } from "./events";
import { sessionOfRegistration } from "./registrations";

/**
 * A lottery entry is a registration without places: the sessions it wants, ranked (1 = most
 * wanted). Publishing a draw turns the ranks into confirmed and waiting places.
 */
export const entryChoices = pgTable(
  "entry_choices",
  {
    ...sessionOfRegistration(),
    rank: integer("rank").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.registrationId, t.sessionId] }),
    uniqueIndex("entry_choices_rank_uq").on(t.registrationId, t.rank),
    index("entry_choices_session_idx").on(t.sessionId),
    check("entry_choices_rank_ck", sql`${t.rank} between 1 and 60`),
  ],
);

/**
 * The seed every run of an event's draw uses, fixed before any entry exists: a database trigger
 * writes it when the event row is inserted (migration 0006), and other triggers refuse to change
 * or delete it while the event exists. Its SHA-256 is public from the event's publication; the
 * seed itself is read only by runDraw and shows up with the first run (docs/LOTTERY.md).
 */
export const drawCommitments = pgTable(
  "draw_commitments",
  {
    eventId: uuid("event_id")
      .primaryKey()
      .references(() => events.id, { onDelete: "cascade" }),
    seed: text("seed").notNull(),
    seedHash: text("seed_hash").notNull(),
    // False only when the migration that introduced commitments found entries already made.
    inAdvance: boolean("in_advance").notNull().default(true),
    committedAt: timestamp("committed_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("draw_commitments_seed_hash_ck", sql`${t.seedHash} = encode(sha256(convert_to(${t.seed}, 'UTF8')), 'hex')`),
  ],
);

/**
 * Every run of the draw is kept and shown publicly (the organiser may re-run when the entries
 * changed); one is published. Triggers keep runs from being altered or deleted, and a new run
 * from using any seed but the committed one.
 */
export const draws = pgTable(
  "draws",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    seed: text("seed").notNull(),
    algorithm: text("algorithm").notNull(),
    inputHash: text("input_hash").notNull(),
    resultHash: text("result_hash").notNull(),
    stats: jsonb("stats").$type<LotteryStats>().notNull(),
    // The whole published result (lib/lottery), so anyone can re-check it against its hash.
    result: jsonb("result").$type<LotteryResult>().notNull(),
    // The input the run drew from (sessions and capacities, entries and rankings: ids only), as
    // hashed; null for runs made before it was kept.
    input: jsonb("input").$type<DrawInput>(),
    runBy: text("run_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp("published_at", { mode: "date", withTimezone: true }),
  },
  (t) => [
    index("draws_event_idx").on(t.eventId, t.createdAt),
    uniqueIndex("draws_event_published_uq")
      .on(t.eventId)
      .where(sql`${t.publishedAt} is not null`),
  ],
);

export type Draw = typeof draws.$inferSelect;
export type DrawCommitment = typeof drawCommitments.$inferSelect;
