import { check, date, index, integer, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { clubs } from "./clubs";
import { experienceLevel } from "./experience";

export const allocationMode = pgEnum("allocation_mode", ["fcfs", "lottery"]);
export const eventStatus = pgEnum("event_status", ["draft", "published", "finished", "cancelled"]);
export const sessionKind = pgEnum("session_kind", ["paddock", "photo", "parade", "gp_track", "nordschleife", "other"]);

export const events = pgTable(
  "events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clubId: uuid("club_id")
      .notNull()
      .references(() => clubs.id, { onDelete: "cascade" }),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    venue: text("venue").notNull().default("Nürburgring"),
    description: text("description").notNull().default(""),
    timeZone: text("time_zone").notNull().default("Europe/Berlin"),
    startsOn: date("starts_on").notNull(),
    endsOn: date("ends_on").notNull(),
    registrationOpensAt: timestamp("registration_opens_at", { mode: "date", withTimezone: true }).notNull(),
    registrationClosesAt: timestamp("registration_closes_at", { mode: "date", withTimezone: true }).notNull(),
    allocation: allocationMode("allocation").notNull().default("fcfs"),
    status: eventStatus("status").notNull().default("draft"),
    maxSessionsPerCar: integer("max_sessions_per_car"),
    eligibleModels: text("eligible_models").array(),
    rulesText: text("rules_text").notNull().default(""),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("events_club_idx").on(t.clubId), check("events_dates_ck", sql`${t.endsOn} >= ${t.startsOn}`)],
);

/** A part of the programme with a car capacity ("session" in the UI). */
export const eventSessions = pgTable(
  "event_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    kind: sessionKind("kind").notNull().default("other"),
    startsAt: timestamp("starts_at", { mode: "date", withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { mode: "date", withTimezone: true }).notNull(),
    capacity: integer("capacity").notNull(),
    noiseLimitDb: integer("noise_limit_db"),
    /** What a confirmed place costs, in euro cents (0: included in the entry fee). */
    priceCents: integer("price_cents").notNull().default(0),
    /** Who may book the session (a run group); empty: every driver. */
    experienceLevels: experienceLevel("experience_levels")
      .array()
      .notNull()
      .default(sql`'{}'::experience_level[]`),
  },
  (t) => [
    index("event_sessions_event_idx").on(t.eventId, t.startsAt),
    check("event_sessions_time_ck", sql`${t.endsAt} > ${t.startsAt}`),
    check("event_sessions_capacity_ck", sql`${t.capacity} between 1 and 2000`),
    check("event_sessions_price_ck", sql`${t.priceCents} between 0 and 10000000`),
  ],
);

export type Event = typeof events.$inferSelect;
export type NewEvent = typeof events.$inferInsert;
export type EventSession = typeof eventSessions.$inferSelect;
export type NewEventSession = typeof eventSessions.$inferInsert;
