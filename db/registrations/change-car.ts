import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "../client";
import { enqueueMail } from "../mail/queue";
import { isUniqueViolation } from "../result";
import { registrations } from "../schema";
import { eligibleCar, fail, type WriteResult } from "./checks";
import { lockOwn } from "./locks";
import { notOpen } from "./writes";

/** Swaps the car; the places (and the ticket) stay. */
export async function changeCar(
  userId: string,
  registrationId: string,
  carId: string,
  now = new Date(),
): Promise<WriteResult> {
  try {
    return await db().transaction(async (tx) => {
      const own = await lockOwn(tx, userId, registrationId, now, ["fcfs", "lottery"]);
      if (!own) return notOpen;
      const refused = await eligibleCar(tx, userId, carId, own.event);
      if (refused) return refused;
      const [taken] = await tx
        .select({ id: registrations.id })
        .from(registrations)
        .where(
          and(
            eq(registrations.eventId, own.event.id),
            eq(registrations.carId, carId),
            eq(registrations.status, "active"),
          ),
        );
      if (taken && taken.id !== registrationId) return fail("carId", "errors.carAlreadyRegistered");
      if (own.reg.carId === carId) return { ok: true, registrationId } as const;
      await tx.update(registrations).set({ carId }).where(eq(registrations.id, registrationId));
      await enqueueMail(tx, { kind: "registrationChanged", registrationId });
      return { ok: true, registrationId, eventSlug: own.event.slug } as const;
    });
  } catch (error) {
    // Two registrations swapped to the same car at once: the unique index lets only one through.
    if (isUniqueViolation(error, "registrations_event_car_uq")) return fail("carId", "errors.carAlreadyRegistered");
    throw error;
  }
}
