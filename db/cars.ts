import "server-only";
import { and, asc, eq, gte, sql } from "drizzle-orm";
import type { CarInput } from "@/lib/schemas/car";
import { dayKey } from "@/lib/time";
import { db } from "./client";
import { isUniqueViolation, type Result } from "./result";
import { cars, events, registrations, type Car } from "./schema";

/** Saved; refused beside the VIN when another car has it; null when the car is not the owner's. */
export type CarWriteResult = Result<{ car: Car }> | null;

/** The owner's cars; the owner check is the WHERE clause. */
export async function listCars(ownerId: string): Promise<Car[]> {
  return db().select().from(cars).where(eq(cars.ownerId, ownerId)).orderBy(asc(cars.createdAt));
}

/** One of the owner's cars; null for a car that does not exist or is someone else's. */
export async function getCar(ownerId: string, carId: string): Promise<Car | null> {
  if (!isUuid(carId)) return null;
  const [car] = await db()
    .select()
    .from(cars)
    .where(and(eq(cars.id, carId), eq(cars.ownerId, ownerId)));
  return car ?? null;
}

export async function createCar(ownerId: string, input: CarInput): Promise<Result<{ car: Car }>> {
  const written = await writeCar(() =>
    db()
      .insert(cars)
      .values({ ...input, ownerId })
      .returning(),
  );
  if (!written) throw new Error("The new car's row did not come back.");
  return written;
}

export async function updateCar(ownerId: string, carId: string, input: CarInput): Promise<CarWriteResult> {
  if (!isUuid(carId)) return null;
  return writeCar(() =>
    db()
      .update(cars)
      .set(input)
      .where(and(eq(cars.id, carId), eq(cars.ownerId, ownerId)))
      .returning(),
  );
}

/** Removes the owner's car unless it is registered for an event that has not ended; null when not theirs. */
export async function deleteCar(ownerId: string, carId: string, now = new Date()): Promise<Result | null> {
  if (!isUuid(carId)) return null;
  return db().transaction(async (tx) => {
    // Lock the car so a registration cannot slip in between the check and the delete.
    const [car] = await tx
      .select({ id: cars.id })
      .from(cars)
      .where(and(eq(cars.id, carId), eq(cars.ownerId, ownerId)))
      .for("update");
    if (!car) return null;
    const [upcoming] = await tx
      .select({ id: registrations.id })
      .from(registrations)
      .innerJoin(events, eq(events.id, registrations.eventId))
      .where(
        and(
          eq(registrations.carId, carId),
          eq(registrations.status, "active"),
          gte(events.endsOn, dayKey(now)),
          sql`${events.status} <> 'cancelled'`,
        ),
      )
      .limit(1);
    if (upcoming) return { ok: false, error: "errors.carHasUpcomingRegistration" } as const;
    await tx.delete(cars).where(eq(cars.id, carId));
    return { ok: true } as const;
  });
}

async function writeCar(write: () => Promise<Car[]>): Promise<CarWriteResult> {
  try {
    const [car] = await write();
    return car ? { ok: true, car } : null;
  } catch (error) {
    // The VIN is unique across all owners; say it is taken without saying by whom.
    if (isUniqueViolation(error, "cars_vin_unique")) return { ok: false, field: "vin", error: "errors.vinTaken" };
    throw error;
  }
}

export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
