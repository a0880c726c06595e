import { sql } from "drizzle-orm";
import {
  bigint,
  index,
  integer,
  jsonb,
  pgEnum,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import type { DriverDetails } from "@/lib/paperwork";
import { cars } from "./cars";
import { eventSessions, events } from "./events";

/** Arrival order on waiting lists: one sequence for all sessions, read under the session's lock. */
export const waitSeq = pgSequence("registration_wait_seq", { startWith: 1 });

export const registrationStatus = pgEnum("registration_status", ["active", "cancelled"]);
export const placeStatus = pgEnum("place_status", ["confirmed", "waiting"]);

export const registrations = pgTable(
  "registrations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    carId: uuid("car_id").references(() => cars.id, { onDelete: "set null" }),
    ownerId: text("owner_id").references(() => users.id, { onDelete: "set null" }),
    status: registrationStatus("status").notNull().default("active"),
    plaque: integer("plaque"),
    // In a lottery event: this entry's place in the published draw's seeded order.
    drawPosition: integer("draw_position"),
    secondDriverName: text("second_driver_name"),
    secondDriverEmail: text("second_driver_email"),
    /** The driver's licence, emergency contact and experience for this event; erased 30 days after it. */
    driverDetails: jsonb("driver_details").$type<DriverDetails>(),
    idempotencyKey: text("idempotency_key").unique(),
    /** The ISO 11649 reference a bank transfer for this place carries (lib/payments/reference.ts); set once a fee is owed. */
    paymentReference: text("payment_reference").unique(),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
    cancelledAt: timestamp("cancelled_at", { mode: "date", withTimezone: true }),
    checkedInAt: timestamp("checked_in_at", { mode: "date", withTimezone: true }),
    checkedInBy: text("checked_in_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    // One live registration per car and event; a cancelled one may be followed by a new one.
    uniqueIndex("registrations_event_car_uq")
      .on(t.eventId, t.carId)
      .where(sql`${t.status} = 'active'`),
    uniqueIndex("registrations_event_plaque_uq").on(t.eventId, t.plaque),
    index("registrations_owner_idx").on(t.ownerId),
  ],
);

/**
 * The two keys of a row about one registration in one session (a place, a lottery choice); both
 * go with the registration or the session they point to.
 */
export const sessionOfRegistration = () => ({
  registrationId: uuid("registration_id")
    .notNull()
    .references(() => registrations.id, { onDelete: "cascade" }),
  sessionId: uuid("session_id")
    .notNull()
    .references(() => eventSessions.id, { onDelete: "cascade" }),
});

/** A registration's place in one session: confirmed, or waiting in arrival order (waitSeq). */
export const registrationSessions = pgTable(
  "registration_sessions",
  {
    ...sessionOfRegistration(),
    status: placeStatus("status").notNull(),
    waitSeq: bigint("wait_seq", { mode: "number" }),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.registrationId, t.sessionId] }),
    index("registration_sessions_session_idx").on(t.sessionId, t.status, t.waitSeq),
  ],
);

export type Registration = typeof registrations.$inferSelect;
export type RegistrationSession = typeof registrationSessions.$inferSelect;
