/**
 * Ticket verification on the gate phone, offline: the same tokens and answers as lib/ticket.ts,
 * but with WebCrypto (crypto.subtle), which browsers and Node both have; node:crypto is server-only.
 */

export type TicketVerdict =
  | { ok: true; registrationId: string; eventId: string; expiresAt: Date }
  | { ok: false; reason: "malformed" | "forged" | "otherEvent" | "expired" };

const PREFIX = "RM1";
const encoder = new TextEncoder();

/** base64url → bytes, as lenient as Node's Buffer (stray characters skipped), null if hopeless. */
export function fromBase64Url(text: string): Uint8Array | null {
  let clean = text
    .replace(/[^A-Za-z0-9_-]/g, "")
    .replace(/-/g, "+")
    .replace(/_/g, "/");
  if (clean.length % 4 === 1) clean = clean.slice(0, -1);
  try {
    const binary = atob(clean + "=".repeat((4 - (clean.length % 4)) % 4));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

export function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

type Claims = { registrationId: string; eventId: string; expiresAt: Date };

function peek(token: string): { claims: Claims; body: string; sig: string } | null {
  const parts = token.trim().split(".");
  const [prefix, body, sig] = parts;
  // Exactly three parts, as on the server: anything appended must not pass as a ticket.
  if (parts.length !== 3 || prefix !== PREFIX || !body || !sig) return null;
  const bytes = fromBase64Url(body);
  if (!bytes) return null;
  try {
    const data = JSON.parse(new TextDecoder().decode(bytes)) as { r?: unknown; e?: unknown; x?: unknown };
    if (typeof data.r !== "string" || typeof data.e !== "string" || typeof data.x !== "number") return null;
    return { claims: { registrationId: data.r, eventId: data.e, expiresAt: new Date(data.x * 1000) }, body, sig };
  } catch {
    return null;
  }
}

/** Equal strings, in time that does not depend on where they differ. */
function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

async function expectedSignature(eventKey: string, body: string): Promise<string | null> {
  const raw = fromBase64Url(eventKey);
  if (!raw) return null;
  const key = await crypto.subtle.importKey("raw", raw as BufferSource, { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
  ]);
  const mac = await crypto.subtle.sign("HMAC", key, encoder.encode(`${PREFIX}.${body}`));
  return toBase64Url(new Uint8Array(mac));
}

/**
 * Checks a scanned token for the event at this gate. The signatures are compared as text, like
 * the server does, so a signature written with a different (non-canonical) last character is
 * refused here too.
 */
export async function verifyTicketToken(
  token: string,
  eventId: string,
  eventKey: string,
  now: Date,
): Promise<TicketVerdict> {
  const peeked = peek(token);
  if (!peeked) return { ok: false, reason: "malformed" };
  const { claims, body, sig } = peeked;
  if (claims.eventId !== eventId) return { ok: false, reason: "otherEvent" };
  const expected = await expectedSignature(eventKey, body);
  if (!expected || !sameText(expected, sig)) return { ok: false, reason: "forged" };
  if (now > claims.expiresAt) return { ok: false, reason: "expired" };
  return { ok: true, ...claims };
}
