import type { PaperworkStep } from "../paperwork";

/** Plain data shared by the server, the gate phone and its offline copy (JSON-safe: times are ISO strings). */

export type PlaceStatus = "confirmed" | "waiting";

export type CheckInSession = { id: string; name: string };

/** One registered car as the gate sees it: nothing to reach the owner by (no e-mail, no VIN). */
export type CheckInCar = {
  registrationId: string;
  plaque: number | null;
  /** The short name the gate shows (the display name). */
  driver: string;
  /** The driver's names folded for search (lib/check-in/search.ts searchKeyOf); never shown. */
  searchKey: string;
  car: string;
  colour: string;
  swatch: string;
  plate: string | null;
  plateCountry: string | null;
  places: { sessionId: string; status: PlaceStatus }[];
  cancelled: boolean;
  /** The accepted (earliest) check-in, ISO; null while the car is not in. */
  checkedInAt: string | null;
  /** Who checked it in (their display name), when known. */
  checkedInBy: string | null;
  /** Meet-day paperwork (null: the event asks none): "Check in" waits until it is complete, unless an organiser overrides. */
  paperwork: { complete: boolean; missing: PaperworkStep[] } | null;
  /** The driver's emergency contact: only of a car checked in, and only until the event is over. */
  emergency: { name: string; phone: string } | null;
};

export type ChecklistItem = { id: string; label: string; required: boolean };

/** Everything a gate phone needs to work offline for one event, and nothing more. */
export type CheckInCopy = {
  event: { id: string; slug: string; name: string; endsOn: string };
  /** Organisers and admins may let a car in without its paperwork, with a reason (gate staff may not). */
  mayOverride: boolean;
  /** The event's ticket key (see lib/ticket.ts eventTicketKey): verifies this event's tickets only. */
  ticketKey: string;
  sessions: CheckInSession[];
  checklist: ChecklistItem[];
  cars: CheckInCar[];
  /** The server's clock when the copy was read. */
  fetchedAt: string;
  /** Set on the copy a page's HTML carries: its cars' contacts were left out (lib/check-in/expiry.ts). */
  contactsWithheld?: boolean;
};

/** A check-in made on this phone and not yet acknowledged by the server. */
export type PendingCheckIn = {
  clientId: string;
  registrationId: string;
  scannedAt: string;
  ticks: string[];
  /** An organiser's reason for letting the car in without its paperwork. */
  override?: string;
};

/** A check-in as the server holds it now: the live poll and the sync answer carry these. */
export type CheckInState = { registrationId: string; checkedInAt: string | null; checkedInBy: string | null };

export type SessionCount = { id: string; name: string; checkedIn: number; total: number };
/** "Checked in: X of Y": Y counts active cars with at least one confirmed session. */
export type CheckInCounts = { checkedIn: number; total: number; sessions: SessionCount[] };

/** One check-in's answer in the phones' sync protocol (…/check-in/data): a refusal travels as `reason`. */
export type SyncOutcome = { ok: true; accepted: boolean; state: CheckInState } | { ok: false; reason: string };
