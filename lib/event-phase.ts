import { zonedMoment } from "./time";

export type EventPhase = "draft" | "upcoming" | "open" | "closed" | "finished" | "cancelled";

type EventTimes = {
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
