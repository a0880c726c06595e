import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { events } from "./events";
import { registrations } from "./registrations";

/**
 * Every check-in a gate phone sent, under the id the phone gave it, so a resend is a no-op. When
 * two phones checked the same car in (offline), the earliest scan wins: the registration keeps
 * that time and the later attempt is kept here, marked not accepted, to tell that phone.
 */
export const checkIns = pgTable(
  "check_ins",
  {
    clientId: uuid("client_id").primaryKey(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    registrationId: uuid("registration_id")
      .notNull()
      .references(() => registrations.id, { onDelete: "cascade" }),
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    scannedAt: timestamp("scanned_at", { mode: "date", withTimezone: true }).notNull(),
    receivedAt: timestamp("received_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
    accepted: boolean("accepted").notNull(),
  },
  (t) => [index("check_ins_registration_idx").on(t.registrationId), index("check_ins_event_idx").on(t.eventId)],
);

/** An event's optional gate checklist (noise test passed, rules signed, insurance seen…). */
export const checklistItems = pgTable(
  "checklist_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    label: text("label").notNull(),
    required: boolean("required").notNull().default(false),
    position: integer("position").notNull().default(0),
  },
  (t) => [index("checklist_items_event_idx").on(t.eventId, t.position)],
);

/** Which checklist items the gate ticked for a car. */
export const checklistTicks = pgTable(
  "checklist_ticks",
  {
    registrationId: uuid("registration_id")
      .notNull()
      .references(() => registrations.id, { onDelete: "cascade" }),
    itemId: uuid("item_id")
      .notNull()
      .references(() => checklistItems.id, { onDelete: "cascade" }),
    tickedBy: text("ticked_by").references(() => users.id, { onDelete: "set null" }),
    tickedAt: timestamp("ticked_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.registrationId, t.itemId] })],
);
