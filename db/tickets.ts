import "server-only";
import QRCode from "qrcode";
import { env } from "@/env";
import { eventTicketKey, peekTicket, signTicket, verifyTicket } from "@/lib/ticket";
import { addDays, zonedMoment } from "@/lib/time";

type EventRef = { id: string; endsOn: string; timeZone: string };

/** The signed ticket token of a registration: valid until the day after the event ends. */
export function ticketTokenFor(registrationId: string, event: EventRef): string {
  const expiresAt = zonedMoment(addDays(event.endsOn, 1), "00:00", event.timeZone);
  return signTicket({ registrationId, eventId: event.id, expiresAt }, eventTicketKey(env().authSecret, event.id));
}

/** Checks a token with the key of the event it names; the registration id when genuine. */
export function readTicketToken(token: string, now = new Date()): { registrationId: string; eventId: string } | null {
  const claims = peekTicket(token);
  if (!claims) return null;
  const check = verifyTicket(token, claims.eventId, eventTicketKey(env().authSecret, claims.eventId), now);
  return check.ok ? { registrationId: check.claims.registrationId, eventId: check.claims.eventId } : null;
}

/** The ticket as a QR code image (SVG data URL: crisp when printed, small on the wire). */
export async function ticketQrDataUrl(token: string): Promise<string> {
  const svg = await QRCode.toString(token, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}
