import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

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
