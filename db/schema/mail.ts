import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** The development mailbox: every message the app would have sent. */
export const devMail = pgTable(
  "dev_mail",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html").notNull(),
    links: jsonb("links").$type<string[]>().notNull().default([]),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("dev_mail_to_idx").on(t.to, t.createdAt)],
);

export type DevMail = typeof devMail.$inferSelect;

export const mailStatuses = ["queued", "sent", "failed", "skipped"] as const;
export type MailStatus = (typeof mailStatuses)[number];

/**
 * One e-mail to one recipient, written in the transaction that causes it together with the job
 * that sends it (`sendMail`, payload `{ mailId }`). The row is the mail's record: sent once
 * (`sent_at`), given up on with the server's reason (the event's "Mail problems"), or skipped
 * because what it reported no longer holds. It is composed when sent, from `kind` and `payload`
 * (ids, never a secret: a sign-in link or invitation token travels only in the job).
 *
 * The ids have no foreign keys on purpose: checking one takes a KEY SHARE lock on the registration
 * or event row, and mail is queued while session locks are held (a promotion), where another
 * transaction may hold that registration FOR UPDATE and wait for the same session: a deadlock.
 * Events and registrations are never deleted; an account's rows go with it (db/mail/erase.ts).
 */
export const mailOutbox = pgTable(
  "mail_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull().default({}),
    recipient: text("recipient").notNull(),
    /** The account the mail goes to, when it goes to one: its language; erased with it. */
    userId: text("user_id"),
    registrationId: uuid("registration_id"),
    /** The event the mail is about: its organisers see it under "Mail problems" if it fails. */
    eventId: uuid("event_id"),
    /** Set when a job that may run twice (a scheduled reminder's) queues the mail: it is queued once. */
    dedupeKey: text("dedupe_key").unique(),
    status: text("status").$type<MailStatus>().notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    subject: text("subject"),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { mode: "date", withTimezone: true }),
    failedAt: timestamp("failed_at", { mode: "date", withTimezone: true }),
  },
  (t) => [
    check("mail_outbox_status_ck", sql`${t.status} in ('queued', 'sent', 'failed', 'skipped')`),
    index("mail_outbox_event_idx").on(t.eventId, t.status),
    index("mail_outbox_registration_idx").on(t.registrationId),
    index("mail_outbox_user_idx").on(t.userId),
    index("mail_outbox_created_idx").on(t.status, t.createdAt),
  ],
);

export type MailRow = typeof mailOutbox.$inferSelect;

/**
 * Outbox rows written without their `sendMail` job yet (db/mail/outbox.ts): each app process's
 * drain turns them into jobs in batches, every half second. Queueing a job costs a busy write (a
 * few statements in graphile-worker's function, and a NOTIFY that wakes every worker) that a
 * registration would pay while owners queue behind it; a row here is one index entry.
 * Deleted as its job is made; the mail's own row is never touched by the drain.
 */
export const mailOutboxPending = pgTable("mail_outbox_pending", {
  mailId: uuid("mail_id").primaryKey(),
});
