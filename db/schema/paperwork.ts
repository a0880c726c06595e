import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { events } from "./events";
import { registrations } from "./registrations";

export const questionKind = pgEnum("question_kind", ["text", "choice", "yes_no", "number"]);
export const signerRole = pgEnum("signer_role", ["driver", "second_driver"]);

/** What an event asks of the people in each car before the gate lets it in. */
export const eventPaperwork = pgTable("event_paperwork", {
  eventId: uuid("event_id")
    .primaryKey()
    .references(() => events.id, { onDelete: "cascade" }),
  requireLicence: boolean("require_licence").notNull().default(false),
  requireEmergencyContact: boolean("require_emergency_contact").notNull().default(false),
  requireExperience: boolean("require_experience").notNull().default(false),
  noiseLimitDb: integer("noise_limit_db"),
  updatedAt: timestamp("updated_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
});

/**
 * Every text of an event's waiver that was ever in force, newest the highest version; a signature
 * names the version it accepted, so a changed text asks everyone to sign again. Never changed.
 */
export const waiverVersions = pgTable(
  "waiver_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    textEn: text("text_en").notNull(),
    textDe: text("text_de").notNull(),
    sha256: text("sha256").notNull(),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("waiver_versions_event_version_uq").on(t.eventId, t.version)],
);

/** An event's own questions (dinner, T-shirt size…), in the order the register form asks them. */
export const eventQuestions = pgTable(
  "event_questions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    text: text("text").notNull(),
    kind: questionKind("kind").notNull(),
    choices: text("choices")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    required: boolean("required").notNull().default(false),
  },
  (t) => [index("event_questions_event_idx").on(t.eventId, t.position)],
);

export const registrationAnswers = pgTable(
  "registration_answers",
  {
    registrationId: uuid("registration_id")
      .notNull()
      .references(() => registrations.id, { onDelete: "cascade" }),
    questionId: uuid("question_id")
      .notNull()
      .references(() => eventQuestions.id, { onDelete: "cascade" }),
    value: text("value").notNull(),
  },
  (t) => [primaryKey({ columns: [t.registrationId, t.questionId] })],
);

/**
 * A signed waiver: the record a club keeps for its insurer. A trigger refuses any change, and a
 * removal except with its registration or by the retention job (db/paperwork/retention.ts).
 */
export const waiverSignatures = pgTable(
  "waiver_signatures",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    registrationId: uuid("registration_id")
      .notNull()
      .references(() => registrations.id, { onDelete: "cascade" }),
    waiverVersionId: uuid("waiver_version_id")
      .notNull()
      .references(() => waiverVersions.id, { onDelete: "cascade" }),
    signer: signerRole("signer").notNull(),
    fullName: text("full_name").notNull(),
    email: text("email"),
    /** The drawn signature as a PNG data URL; null when the signer typed the name only. */
    signature: text("signature"),
    textSha256: text("text_sha256").notNull(),
    language: text("language").notNull(),
    signedAt: timestamp("signed_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
  },
  (t) => [
    index("waiver_signatures_registration_idx").on(t.registrationId, t.signer),
    // A PNG data URL ("." stands for the ";" that drizzle-kit would cut the statement at).
    check(
      "waiver_signatures_png_ck",
      sql`${t.signature} is null or ${t.signature} ~ '^data:image/png.base64,[A-Za-z0-9+/=]+$'`,
    ),
  ],
);

/** The e-mailed link a second driver without an account signs through; it signs once. */
export const waiverLinks = pgTable("waiver_links", {
  tokenHash: text("token_hash").primaryKey(),
  registrationId: uuid("registration_id")
    .notNull()
    .references(() => registrations.id, { onDelete: "cascade" }),
  email: text("email").notNull(),
  createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  usedAt: timestamp("used_at", { mode: "date", withTimezone: true }),
});

export type EventPaperwork = typeof eventPaperwork.$inferSelect;
export type WaiverVersion = typeof waiverVersions.$inferSelect;
export type EventQuestion = typeof eventQuestions.$inferSelect;
export type WaiverSignature = typeof waiverSignatures.$inferSelect;
