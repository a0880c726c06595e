import "server-only";
import { sql } from "drizzle-orm";
import { newReference } from "@/lib/payments/reference";
import { driverDetailsFromProfile } from "../paperwork/details";
import type { RegisterInput } from "./writes";

export type NewRegistration = Pick<
  RegisterInput,
  "carId" | "idempotencyKey" | "secondDriverName" | "secondDriverEmail"
>;

/**
 * A new registration's row (writes.ts insertRegistration, batched.ts writeRegistration): no row
 * back when the car already holds one in the event (or the form raced itself). Written as SQL, not
 * with the query builder, which spent about 0.1 ms building it on every registration
 * (docs/PERFORMANCE.md); every other column keeps its database default.
 */
export const registrationRow = (eventId: string, userId: string, input: NewRegistration, id: string) =>
  sql`insert into registrations (id, event_id, car_id, owner_id, idempotency_key, payment_reference,
      second_driver_name, second_driver_email, driver_details)
    values (${id}, ${eventId}, ${input.carId}, ${userId}, ${input.idempotencyKey}, ${newReference()},
      ${input.secondDriverName}, ${input.secondDriverEmail}, ${driverDetailsFromProfile(userId)})
    on conflict do nothing returning id`;
