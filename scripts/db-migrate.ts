import { migrateDatabase } from "../db/migrate";
import { openDatabase } from "./database";

const database = await openDatabase();
try {
  await migrateDatabase(database.url);
  console.log("Migrations applied.");
} finally {
  await database.stop();
}
