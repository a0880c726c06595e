import { bigserial, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { eventSessions, events } from "./events";
import { registrations } from "./registrations";

/** Who did what to which registration, when and why: nothing an organiser does is silent. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    registrationId: uuid("registration_id").references(() => registrations.id, { onDelete: "set null" }),
    actorId: text("actor_id").references(() => users.id, { onDelete: "set null" }),
    /** What the log calls the actor once their account is deleted ("Deleted account 3F9A1C"). */
    actorPseudonym: text("actor_pseudonym"),
    action: text("action").notNull(),
    detail: jsonb("detail").$type<Record<string, unknown>>().notNull().default({}),
    reason: text("reason"),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("audit_log_event_idx").on(t.eventId, t.createdAt),
    index("audit_log_registration_idx").on(t.registrationId),
  ],
);

/** A saved parade order for a session: registration ids behind the pace car, first to last. */
export const paradeGrids = pgTable("parade_grids", {
  sessionId: uuid("session_id")
    .primaryKey()
    .references(() => eventSessions.id, { onDelete: "cascade" }),
  registrationIds: uuid("registration_ids").array().notNull(),
  mode: jsonb("mode").$type<Record<string, unknown>>().notNull().default({}),
  updatedBy: text("updated_by").references(() => users.id, { onDelete: "set null" }),
  updatedAt: timestamp("updated_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
});

/** A message an organiser sent to part of an event's registrations. */
export const broadcasts = pgTable(
  "broadcasts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    audience: text("audience").notNull(),
    sessionId: uuid("session_id").references(() => eventSessions.id, { onDelete: "set null" }),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("broadcasts_event_idx").on(t.eventId, t.createdAt)],
);

/** One row per person a broadcast goes to (each once), marked when the mail went out. */
export const broadcastRecipients = pgTable(
  "broadcast_recipients",
  {
    broadcastId: uuid("broadcast_id")
      .notNull()
      .references(() => broadcasts.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    locale: text("locale"),
    sentAt: timestamp("sent_at", { mode: "date", withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.broadcastId, t.email] })],
);
