import { createHmac, timingSafeEqual } from "node:crypto";
import { addDays, zonedMoment } from "./time";

/**
 * A ticket names a registration and its event, nothing personal, and is signed with a key
 * derived per event, so gate phones can verify tickets offline holding only that event's key.
 */
export type TicketClaims = { registrationId: string; eventId: string; expiresAt: Date };
export type TicketCheck =
  { ok: true; claims: TicketClaims } | { ok: false; reason: "malformed" | "forged" | "otherEvent" | "expired" };

const PREFIX = "RM1";
const b64 = (data: Buffer | string) => Buffer.from(data).toString("base64url");

/** The per-event verification key: HMAC(secret, "ticket:" + eventId), base64url. */
export function eventTicketKey(secret: string, eventId: string): string {
  return b64(createHmac("sha256", secret).update(`ticket:${eventId}`).digest());
}

function signature(key: string, body: string): string {
  return b64(createHmac("sha256", Buffer.from(key, "base64url")).update(`${PREFIX}.${body}`).digest());
}

export function signTicket(claims: TicketClaims, eventKey: string): string {
  const body = b64(
    JSON.stringify({ r: claims.registrationId, e: claims.eventId, x: Math.floor(claims.expiresAt.getTime() / 1000) }),
  );
  return `${PREFIX}.${body}.${signature(eventKey, body)}`;
}

/** Reads a token without trusting it: which event it claims, to pick the key. */
export function peekTicket(token: string): TicketClaims | null {
  const parts = token.trim().split(".");
  const [prefix, body, sig] = parts;
  // Exactly three parts: anything appended would otherwise pass as a valid ticket.
  if (parts.length !== 3 || prefix !== PREFIX || !body || !sig) return null;
  try {
    const data = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as {
      r?: unknown;
      e?: unknown;
      x?: unknown;
    };
    if (typeof data.r !== "string" || typeof data.e !== "string" || typeof data.x !== "number") return null;
    return { registrationId: data.r, eventId: data.e, expiresAt: new Date(data.x * 1000) };
  } catch {
    return null;
  }
}

/** Checks a scanned token against the event the gate is working, with that event's key. */
export function verifyTicket(token: string, eventId: string, eventKey: string, now: Date): TicketCheck {
  const claims = peekTicket(token);
  if (!claims) return { ok: false, reason: "malformed" };
  const [, body, sig] = token.trim().split(".") as [string, string, string];
  const expected = Buffer.from(signature(eventKey, body));
  const given = Buffer.from(sig);
  if (claims.eventId !== eventId) return { ok: false, reason: "otherEvent" };
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: "forged" };
  if (now > claims.expiresAt) return { ok: false, reason: "expired" };
  return { ok: true, claims };
}

type EventRef = { id: string; endsOn: string; timeZone: string };

/** A registration's ticket, signed with `secret` (the app's): valid until the day after the event ends. */
export function ticketTokenFor(secret: string, registrationId: string, event: EventRef): string {
  const expiresAt = zonedMoment(addDays(event.endsOn, 1), "00:00", event.timeZone);
  return signTicket({ registrationId, eventId: event.id, expiresAt }, eventTicketKey(secret, event.id));
}

/** Checks a token with the key of the event it names; the registration and event when genuine. */
export function readTicketToken(
  secret: string,
  token: string,
  now: Date,
): { registrationId: string; eventId: string } | null {
  const claims = peekTicket(token);
  if (!claims) return null;
  const check = verifyTicket(token, claims.eventId, eventTicketKey(secret, claims.eventId), now);
  return check.ok ? { registrationId: check.claims.registrationId, eventId: check.claims.eventId } : null;
}
