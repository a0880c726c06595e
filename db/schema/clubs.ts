import { integer, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";

export const clubRole = pgEnum("club_role", ["admin", "organiser", "gate"]);

export const clubs = pgTable("clubs", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  slug: text("slug").notNull().unique(),
  /** How long signed waivers are kept after the event: the German limitation period by default. */
  waiverRetentionYears: integer("waiver_retention_years").notNull().default(3),
  /** The last receipt number given out: receipts are numbered 1, 2, 3 … per club without a gap. */
  lastReceiptNumber: integer("last_receipt_number").notNull().default(0),
  createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
});

export const clubMembers = pgTable(
  "club_members",
  {
    clubId: uuid("club_id")
      .notNull()
      .references(() => clubs.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: clubRole("role").notNull(),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.clubId, t.userId] })],
);

export type Club = typeof clubs.$inferSelect;
export type ClubRole = (typeof clubRole.enumValues)[number];

/** An e-mailed invitation to join a club in a role; the link works once, for that address. */
export const clubInvitations = pgTable("club_invitations", {
  id: uuid("id").primaryKey().defaultRandom(),
  clubId: uuid("club_id")
    .notNull()
    .references(() => clubs.id, { onDelete: "cascade" }),
  email: text("email").notNull(),
  role: clubRole("role").notNull(),
  tokenHash: text("token_hash").notNull().unique(),
  invitedBy: text("invited_by").references(() => users.id, { onDelete: "set null" }),
  expiresAt: timestamp("expires_at", { mode: "date", withTimezone: true }).notNull(),
  acceptedAt: timestamp("accepted_at", { mode: "date", withTimezone: true }),
  createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
});

export type ClubInvitation = typeof clubInvitations.$inferSelect;
