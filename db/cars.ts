import "server-only";
import { asc, eq } from "drizzle-orm";
import { db } from "./client";
import { cars, type Car } from "./schema";

/** The owner's cars; the owner check is the WHERE clause. */
export async function listCars(ownerId: string): Promise<Car[]> {
  return db().select().from(cars).where(eq(cars.ownerId, ownerId)).orderBy(asc(cars.createdAt));
}
