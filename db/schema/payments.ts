import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { clubs } from "./clubs";
import { events, eventSessions } from "./events";
import { registrations } from "./registrations";

export const ledgerKind = pgEnum("ledger_kind", ["charge", "credit", "payment", "refund"]);
export const paymentMethod = pgEnum("payment_method", ["bank", "card", "manual"]);
export const transferRule = pgEnum("transfer_rule", ["recipient_pays", "moves_as_paid"]);

/** An event's prices and how it is paid; an event without this row (or with nothing to pay) is free. */
export const eventFees = pgTable(
  "event_fees",
  {
    eventId: uuid("event_id")
      .primaryKey()
      .references(() => events.id, { onDelete: "cascade" }),
    entryCents: integer("entry_cents").notNull().default(0),
    accountHolder: text("account_holder"),
    iban: text("iban"),
    bic: text("bic"),
    payWithinDays: integer("pay_within_days").notNull().default(14),
    /** Until this day (Europe/Berlin, inclusive) a cancellation is refunded in full; after it, nothing. */
    fullRefundUntil: date("full_refund_until", { mode: "string" }),
    offerFreedPlaces: boolean("offer_freed_places").notNull().default(false),
    offerHours: integer("offer_hours").notNull().default(24),
    transfersUntil: timestamp("transfers_until", { mode: "date", withTimezone: true }),
    transferRule: transferRule("transfer_rule").notNull().default("recipient_pays"),
    updatedAt: timestamp("updated_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("event_fees_entry_ck", sql`${t.entryCents} between 0 and 10000000`),
    check("event_fees_days_ck", sql`${t.payWithinDays} between 1 and 365`),
    check("event_fees_hours_ck", sql`${t.offerHours} between 1 and 336`),
  ],
);

/**
 * Every charge, credit, payment and refund, in cents, never changed or removed (a trigger refuses;
 * rows go only with their event). What an owner owes is summed from here, never stored beside it.
 * `item` names what a charge or credit is for ("entry", "session:<id>", "cancellation"); `sourceKey`
 * makes a payment from outside (a bank line, a card webhook) count once however often it arrives.
 */
export const ledgerEntries = pgTable(
  "ledger_entries",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    registrationId: uuid("registration_id")
      .notNull()
      .references(() => registrations.id, { onDelete: "cascade" }),
    kind: ledgerKind("kind").notNull(),
    item: text("item").notNull(),
    cents: integer("cents").notNull(),
    method: paymentMethod("method"),
    sourceKey: text("source_key").unique(),
    reason: text("reason"),
    actorId: text("actor_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("ledger_entries_registration_idx").on(t.registrationId, t.id),
    index("ledger_entries_event_idx").on(t.eventId),
    check("ledger_entries_cents_ck", sql`${t.cents} > 0`),
  ],
);

/** A receipt's number, given once per registration from its club's gap-free sequence. */
export const receipts = pgTable(
  "receipts",
  {
    registrationId: uuid("registration_id")
      .primaryKey()
      .references(() => registrations.id, { onDelete: "cascade" }),
    clubId: uuid("club_id")
      .notNull()
      .references(() => clubs.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    issuedAt: timestamp("issued_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("receipts_club_number_uq").on(t.clubId, t.number)],
);

/**
 * A bank statement uploaded to an event's payments page: its credit lines as read and matched,
 * waiting for the organiser's "Confirm import". Confirming books the matched lines once each
 * (bank_lines' key), so the same file imported again changes nothing.
 */
export const statementImports = pgTable("statement_imports", {
  id: uuid("id").primaryKey().defaultRandom(),
  eventId: uuid("event_id")
    .notNull()
    .references(() => events.id, { onDelete: "cascade" }),
  fileName: text("file_name").notNull(),
  lines: jsonb("lines").notNull(),
  createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  confirmedAt: timestamp("confirmed_at", { mode: "date", withTimezone: true }),
});

/** Each bank line a club has booked (or set aside), by its statement key: a line counts once per club. */
export const bankLines = pgTable(
  "bank_lines",
  {
    clubId: uuid("club_id")
      .notNull()
      .references(() => clubs.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    importId: uuid("import_id").references(() => statementImports.id, { onDelete: "set null" }),
    registrationId: uuid("registration_id").references(() => registrations.id, { onDelete: "set null" }),
    bookedOn: date("booked_on", { mode: "string" }).notNull(),
    cents: integer("cents").notNull(),
    name: text("name"),
    /** The payer's account as the bank reported it: where a refund goes back to. */
    iban: text("iban"),
    remittance: text("remittance"),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("bank_lines_club_key_uq").on(t.clubId, t.key)],
);

export type EventFees = typeof eventFees.$inferSelect;
export type LedgerEntry = typeof ledgerEntries.$inferSelect;

export const offerStatus = pgEnum("offer_status", ["open", "accepted", "declined", "expired"]);

/**
 * A freed place in a paid event, offered to the next car waiting for it (lib: the event's "Offer
 * freed places"). While open it counts as taken, so one place is never offered twice; it is
 * accepted, declined, or expired by a job at `expiresAt`.
 */
export const placeOffers = pgTable(
  "place_offers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    registrationId: uuid("registration_id")
      .notNull()
      .references(() => registrations.id, { onDelete: "cascade" }),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => eventSessions.id, { onDelete: "cascade" }),
    status: offerStatus("status").notNull().default("open"),
    offeredAt: timestamp("offered_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { mode: "date", withTimezone: true }).notNull(),
    decidedAt: timestamp("decided_at", { mode: "date", withTimezone: true }),
  },
  (t) => [
    uniqueIndex("place_offers_open_uq")
      .on(t.registrationId, t.sessionId)
      .where(sql`${t.status} = 'open'`),
    index("place_offers_session_idx").on(t.sessionId, t.status),
  ],
);
export type PlaceOffer = typeof placeOffers.$inferSelect;

export const transferStatus = pgEnum("transfer_status", ["open", "accepted", "withdrawn"]);

/**
 * An owner handing their place to another owner, by e-mail (the token travels only in the mail).
 * Accepting makes a new registration for the recipient's car that takes over the places and the
 * plaque; the giver's is cancelled, and money follows the event's transfer rule.
 */
export const placeTransfers = pgTable(
  "place_transfers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    registrationId: uuid("registration_id")
      .notNull()
      .references(() => registrations.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    status: transferStatus("status").notNull().default("open"),
    newRegistrationId: uuid("new_registration_id").references(() => registrations.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp("decided_at", { mode: "date", withTimezone: true }),
  },
  (t) => [
    uniqueIndex("place_transfers_open_uq")
      .on(t.registrationId)
      .where(sql`${t.status} = 'open'`),
  ],
);
export type PlaceTransfer = typeof placeTransfers.$inferSelect;
