import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { eventTicketKey, peekTicket, readTicketToken, signTicket, ticketTokenFor, verifyTicket } from "./ticket";
import { zonedMoment } from "./time";

const SECRET = "unit-test-secret-0123456789";
const eventId = randomUUID();
const key = eventTicketKey(SECRET, eventId);
const expiresAt = new Date("2031-06-16T22:00:00Z");
const before = new Date("2031-06-14T08:00:00Z");
const claims = { registrationId: randomUUID(), eventId, expiresAt };
const token = signTicket(claims, key);
const [prefix, body, sig] = token.split(".") as [string, string, string];
const encode = (data: unknown) => Buffer.from(JSON.stringify(data)).toString("base64url");
/** Changes one character to another of the base64url alphabet. */
const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === "A" ? "B" : "A") + s.slice(i + 1);

describe("ticket tokens", () => {
  it("verify with the event's key before they expire", () => {
    expect(verifyTicket(token, eventId, key, before)).toEqual({ ok: true, claims });
    expect(verifyTicket(` ${token}\n`, eventId, key, before)).toEqual({ ok: true, claims }); // as a scanner may send it
    expect(verifyTicket(token, eventId, key, expiresAt)).toMatchObject({ ok: true });
  });

  it("hold only the registration id, the event id and the expiry", () => {
    expect(prefix).toBe("RM1");
    const payload = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
    expect(payload).toEqual({ r: claims.registrationId, e: eventId, x: expiresAt.getTime() / 1000 });
  });

  it("are refused as forged when the payload or the signature is changed", () => {
    const otherRegistration = `${prefix}.${encode({ r: randomUUID(), e: eventId, x: expiresAt.getTime() / 1000 })}.${sig}`;
    const later = `${prefix}.${encode({ r: claims.registrationId, e: eventId, x: expiresAt.getTime() / 1000 + 86_400 })}.${sig}`;
    for (const forged of [
      otherRegistration,
      later,
      `${prefix}.${body}.${flip(sig, 0)}`,
      `${prefix}.${body}.${sig.slice(0, -1)}`,
    ]) {
      expect(verifyTicket(forged, eventId, key, before)).toEqual({ ok: false, reason: "forged" });
    }
    expect(verifyTicket(token, eventId, eventTicketKey("another-secret-0123456789", eventId), before)).toEqual({
      ok: false,
      reason: "forged",
    });
    // Signed with another event's key but claiming this event.
    const borrowed = signTicket(claims, eventTicketKey(SECRET, randomUUID()));
    expect(verifyTicket(borrowed, eventId, key, before)).toEqual({ ok: false, reason: "forged" });
  });

  it("are refused at another event's gate, and after they expire", () => {
    const otherEvent = randomUUID();
    expect(verifyTicket(token, otherEvent, eventTicketKey(SECRET, otherEvent), before)).toEqual({
      ok: false,
      reason: "otherEvent",
    });
    expect(verifyTicket(token, eventId, key, new Date(expiresAt.getTime() + 1000))).toEqual({
      ok: false,
      reason: "expired",
    });
  });

  it("are refused as malformed when they are not tokens at all", () => {
    for (const junk of [
      "",
      "RM1",
      "RM1..",
      `RM2.${body}.${sig}`,
      `RM1.${body}`,
      "RM1.bm90IGpzb24.sig",
      `RM1.${encode({ r: 1, e: eventId, x: 1 })}.${sig}`,
    ]) {
      expect(verifyTicket(junk, eventId, key, before)).toEqual({ ok: false, reason: "malformed" });
      expect(peekTicket(junk)).toBeNull();
    }
  });

  // Once failed: peekTicket read only the first three dot-separated parts, so extra parts were ignored.
  it("are refused when anything is appended", () => {
    expect(verifyTicket(`${token}.extra`, eventId, key, before)).toMatchObject({ ok: false });
    expect(peekTicket(`${token}.`)).toBeNull();
  });

  it("round-trip for any ids and expiry, and differ from every other registration's token", () => {
    const seconds = fc.integer({ min: 1_700_000_000, max: 4_000_000_000 });
    fc.assert(
      fc.property(fc.uuid(), fc.uuid(), fc.uuid(), seconds, fc.string({ minLength: 16 }), (r, r2, e, x, secret) => {
        const k = eventTicketKey(secret, e);
        const c = { registrationId: r, eventId: e, expiresAt: new Date(x * 1000) };
        const t = signTicket(c, k);
        expect(peekTicket(t)).toEqual(c);
        expect(verifyTicket(t, e, k, new Date(x * 1000 - 1))).toEqual({ ok: true, claims: c });
        expect(verifyTicket(t, e, k, new Date(x * 1000 + 1000))).toEqual({ ok: false, reason: "expired" });
        if (r2 !== r) expect(signTicket({ ...c, registrationId: r2 }, k)).not.toBe(t);
      }),
      { numRuns: 300 },
    );
  });

  it("derive a different key per event, and the same key each time", () => {
    fc.assert(
      fc.property(fc.uuid(), fc.uuid(), (a, b) => {
        expect(eventTicketKey(SECRET, a)).toBe(eventTicketKey(SECRET, a));
        if (a !== b) expect(eventTicketKey(SECRET, a)).not.toBe(eventTicketKey(SECRET, b));
      }),
    );
  });
});

describe("a registration's ticket (ticketTokenFor, readTicketToken)", () => {
  const event = { id: randomUUID(), endsOn: "2031-06-15", timeZone: "Europe/Berlin" };
  const registrationId = randomUUID();
  const during = new Date("2031-06-15T12:00:00Z");
  const midnightAfter = zonedMoment("2031-06-16", "00:00", "Europe/Berlin"); // 2031-06-15T22:00Z

  it("reads back a token it issued, until midnight after the event's last day (Berlin)", () => {
    const issued = ticketTokenFor(SECRET, registrationId, event);
    expect(readTicketToken(SECRET, issued, during)).toEqual({ registrationId, eventId: event.id });
    expect(readTicketToken(SECRET, issued, midnightAfter)).toEqual({ registrationId, eventId: event.id });
    expect(midnightAfter.toISOString()).toBe("2031-06-15T22:00:00.000Z");
    expect(readTicketToken(SECRET, issued, new Date(midnightAfter.getTime() + 1000))).toBeNull();
  });

  it("refuses a modified token, one signed with another secret, and junk", () => {
    const issued = ticketTokenFor(SECRET, registrationId, event);
    const [head, payload, signature] = issued.split(".") as [string, string, string];
    const swapped = encode({ r: randomUUID(), e: event.id, x: midnightAfter.getTime() / 1000 });
    const foreign = ticketTokenFor("someone-elses-secret-123456", registrationId, event);
    for (const bad of [
      `${head}.${swapped}.${signature}`,
      `${head}.${payload}.${signature.slice(1)}x`,
      foreign,
      "",
      "RM1.x.y",
      issued.toLowerCase(),
    ]) {
      expect(readTicketToken(SECRET, bad, during)).toBeNull();
    }
  });

  it("issues different tokens for different registrations and events", () => {
    const other = ticketTokenFor(SECRET, randomUUID(), event);
    const elsewhere = ticketTokenFor(SECRET, registrationId, { ...event, id: randomUUID() });
    expect(new Set([ticketTokenFor(SECRET, registrationId, event), other, elsewhere]).size).toBe(3);
  });
});
