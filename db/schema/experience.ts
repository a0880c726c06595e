import { pgEnum } from "drizzle-orm/pg-core";

/** How much track driving a driver has done; sessions may be limited to some levels (run groups). */
export const experienceLevel = pgEnum("experience_level", ["first_time", "track_days", "nordschleife"]);
