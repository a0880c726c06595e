import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";

export const cars = pgTable(
  "cars",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: text("owner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    model: text("model").notNull(),
    make: text("make").notNull().default("BMW"),
    modelName: text("model_name"),
    year: integer("year").notNull(),
    colour: text("colour").notNull(),
    individualColour: text("individual_colour"),
    vin: text("vin").unique(),
    productionNumber: integer("production_number"),
    plate: text("plate").notNull(),
    plateCountry: text("plate_country").notNull(),
    nickname: text("nickname"),
    /** Stationary noise in dB, as field U.1 of the registration papers states it. */
    noiseDb: integer("noise_db"),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("cars_owner_idx").on(t.ownerId)],
);

export type Car = typeof cars.$inferSelect;
export type NewCar = typeof cars.$inferInsert;
