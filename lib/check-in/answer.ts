import { formatClock } from "@/lib/time";
import type { CheckInCar, CheckInCopy, PendingCheckIn } from "./types";
import { verifyTicketToken } from "./verify";

/** Why a car may not come in (or a ticket is no good), in the words the gate screen uses. */
export type Refusal =
  "notRegistered" | "cancelled" | "waitingOnly" | "otherEvent" | "forged" | "expired" | "unreadable";

export type Answer =
  | { kind: "ok"; car: CheckInCar }
  /** `at` is HH:MM in Europe/Berlin; `pending` when only this phone knows it so far. */
  | { kind: "alreadyIn"; car: CheckInCar; at: string; by: string | null; pending: boolean }
  | { kind: "refused"; reason: Refusal; car: CheckInCar | null };

export type CarStatus = "confirmed" | "waiting" | "cancelled" | "none";

/** The roster's Status, plus "none" for an active registration that holds no place at all. */
export function carStatus(car: CheckInCar): CarStatus {
  if (car.cancelled) return "cancelled";
  if (car.places.some((p) => p.status === "confirmed")) return "confirmed";
  return car.places.length > 0 ? "waiting" : "none";
}

/**
 * The gate's answer for a car found by search or named by a genuine ticket. A cancelled
 * registration is refused even if it had been checked in; an earlier check-in (the server's, or
 * one still pending on this phone, whichever is earlier) wins over everything else.
 */
export function answerForCar(car: CheckInCar, pending: PendingCheckIn | undefined): Answer {
  const status = carStatus(car);
  if (status === "cancelled") return { kind: "refused", reason: "cancelled", car };
  const server = car.checkedInAt ? new Date(car.checkedInAt) : null;
  const local = pending ? new Date(pending.scannedAt) : null;
  if (server && (!local || server <= local))
    return { kind: "alreadyIn", car, at: formatClock(server), by: car.checkedInBy, pending: false };
  if (local) return { kind: "alreadyIn", car, at: formatClock(local), by: null, pending: true };
  if (status === "waiting") return { kind: "refused", reason: "waitingOnly", car };
  if (status === "none") return { kind: "refused", reason: "notRegistered", car };
  return { kind: "ok", car };
}

/** The answer for a scanned QR code, checked against the phone's copy of the event. */
export async function answerForTicket(
  token: string,
  copy: CheckInCopy,
  pending: PendingCheckIn[],
  now: Date,
): Promise<Answer> {
  const verdict = await verifyTicketToken(token, copy.event.id, copy.ticketKey, now);
  if (!verdict.ok)
    return { kind: "refused", reason: verdict.reason === "malformed" ? "unreadable" : verdict.reason, car: null };
  const car = copy.cars.find((c) => c.registrationId === verdict.registrationId);
  if (!car) return { kind: "refused", reason: "notRegistered", car: null };
  return answerForCar(car, earliestPending(pending, car.registrationId));
}

/** This phone's earliest pending check-in of a registration. */
export function earliestPending(pending: PendingCheckIn[], registrationId: string): PendingCheckIn | undefined {
  return pending
    .filter((p) => p.registrationId === registrationId)
    .sort((a, b) => a.scannedAt.localeCompare(b.scannedAt))[0];
}
