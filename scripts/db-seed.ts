import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { migrateDatabase } from "../db/migrate";
import * as schema from "../db/schema";
import { resetDemo, seedDemo } from "../db/seed/demo";
import { openDatabase } from "./database";

const reset = process.argv.includes("--reset");
const database = await openDatabase();
const sql = postgres(database.url, { max: 2, onnotice: () => {} });
try {
  await migrateDatabase(database.url);
  const db = drizzle(sql, { schema });
  if (reset) await resetDemo(db);
  const wrote = await seedDemo(db);
  console.log(
    wrote
      ? "Demo data seeded: 1M Owners Club, event 1m-meet, 92 owners."
      : "Demo data already present (use --reset to seed again).",
  );
} finally {
  await sql.end();
  await database.stop();
}
