import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { eventTicketKey, signTicket } from "@/lib/ticket";
import { zonedMoment } from "@/lib/time";
import { readTicketToken, ticketQrDataUrl, ticketTokenFor } from "./tickets";

const event = { id: randomUUID(), endsOn: "2031-06-15", timeZone: "Europe/Berlin" };
const registrationId = randomUUID();
const during = new Date("2031-06-15T12:00:00Z");
const midnightAfter = zonedMoment("2031-06-16", "00:00", "Europe/Berlin"); // 2031-06-15T22:00Z

describe("ticket tokens with the app's secret", () => {
  it("reads back a token it issued, until midnight after the event's last day (Berlin)", () => {
    const token = ticketTokenFor(registrationId, event);
    expect(readTicketToken(token, during)).toEqual({ registrationId, eventId: event.id });
    expect(readTicketToken(token, midnightAfter)).toEqual({ registrationId, eventId: event.id });
    expect(midnightAfter.toISOString()).toBe("2031-06-15T22:00:00.000Z");
    expect(readTicketToken(token, new Date(midnightAfter.getTime() + 1000))).toBeNull();
  });

  it("refuses a modified token, one signed with another secret, and junk", () => {
    const token = ticketTokenFor(registrationId, event);
    const [prefix, body, sig] = token.split(".") as [string, string, string];
    const swapped = Buffer.from(JSON.stringify({ r: randomUUID(), e: event.id, x: midnightAfter.getTime() / 1000 })).toString("base64url");
    const foreign = signTicket({ registrationId, eventId: event.id, expiresAt: midnightAfter }, eventTicketKey("someone-elses-secret-123456", event.id));
    for (const bad of [`${prefix}.${swapped}.${sig}`, `${prefix}.${body}.${sig.slice(1)}x`, foreign, "", "RM1.x.y", token.toLowerCase()]) {
      expect(readTicketToken(bad, during)).toBeNull();
    }
  });

  it("issues different tokens for different registrations and events", () => {
    const other = ticketTokenFor(randomUUID(), event);
    const elsewhere = ticketTokenFor(registrationId, { ...event, id: randomUUID() });
    expect(new Set([ticketTokenFor(registrationId, event), other, elsewhere]).size).toBe(3);
  });

  it("draws the token as an SVG QR code", async () => {
    const url = await ticketQrDataUrl(ticketTokenFor(registrationId, event));
    expect(url.startsWith("data:image/svg+xml;base64,")).toBe(true);
    expect(Buffer.from(url.split(",")[1]!, "base64").toString("utf8")).toContain("<svg");
  });
});
