import { zonedMoment } from "./time";

export type EventPhase = "draft" | "upcoming" | "open" | "closed" | "finished" | "cancelled";

export type EventTimes = {
  status: "draft" | "published" | "finished" | "cancelled";
  registrationOpensAt: Date;
  registrationClosesAt: Date;
  endsOn: string;
  timeZone?: string;
};

/** Where an event stands now: its stored status, refined by the registration window and its dates. */
export function eventPhase(event: EventTimes, now: Date): EventPhase {
  if (event.status === "draft" || event.status === "cancelled" || event.status === "finished") return event.status;
  const [y, m, d] = event.endsOn.split("-").map(Number) as [number, number, number];
  const dayAfterEnd = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
  if (now >= zonedMoment(dayAfterEnd, "00:00", event.timeZone)) return "finished";
  if (now < event.registrationOpensAt) return "upcoming";
  if (now < event.registrationClosesAt) return "open";
  return "closed";
}

/**
 * Whether an owner may still give their registration back. While registration is open, always;
 * after it closes, until the event's first day begins, if the car holds places, so a freed place
 * still reaches the next car waiting (after a draw too). A ballot entry still waiting for its draw
 * stays as entered once the window closes: the draw's input does not change under it.
 */
export function mayOwnerCancel(event: EventTimes & { startsOn: string }, now: Date, holdsPlaces: boolean): boolean {
  const phase = eventPhase(event, now);
  if (phase === "open") return true;
  return phase === "closed" && holdsPlaces && now < zonedMoment(event.startsOn, "00:00", event.timeZone);
}
