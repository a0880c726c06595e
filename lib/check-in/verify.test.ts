import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { eventTicketKey, signTicket, verifyTicket } from "@/lib/ticket";
import { verifyTicketToken } from "./verify";

const SECRET = "check-in-test-secret-0123456789";
const eventId = randomUUID();
const key = eventTicketKey(SECRET, eventId);
const expiresAt = new Date("2031-06-16T22:00:00Z");
const before = new Date("2031-06-14T08:00:00Z");
const registrationId = randomUUID();
const token = signTicket({ registrationId, eventId, expiresAt }, key);
const [prefix, body, sig] = token.split(".") as [string, string, string];
const B64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/** What the server says, in the phone's terms. */
function serverSays(t: string, id: string, k: string, now: Date) {
  const check = verifyTicket(t, id, k, now);
  return check.ok ? { ok: true, registrationId: check.claims.registrationId } : { ok: false, reason: check.reason };
}
async function phoneSays(t: string, id: string, k: string, now: Date) {
  const verdict = await verifyTicketToken(t, id, k, now);
  return verdict.ok ? { ok: true, registrationId: verdict.registrationId } : { ok: false, reason: verdict.reason };
}

describe("ticket verification on the phone (WebCrypto)", () => {
  it("accepts a genuine ticket of this event before it expires", async () => {
    await expect(verifyTicketToken(token, eventId, key, before)).resolves.toEqual({
      ok: true,
      registrationId,
      eventId,
      expiresAt,
    });
    await expect(verifyTicketToken(` ${token}\n`, eventId, key, before)).resolves.toMatchObject({ ok: true });
  });

  it("refuses a tampered ticket as forged", async () => {
    const otherBody = Buffer.from(
      JSON.stringify({ r: randomUUID(), e: eventId, x: expiresAt.getTime() / 1000 }),
    ).toString("base64url");
    const flipped = sig.slice(0, 5) + (sig[5] === "A" ? "B" : "A") + sig.slice(6);
    for (const forged of [
      `${prefix}.${otherBody}.${sig}`,
      `${prefix}.${body}.${flipped}`,
      signTicket({ registrationId, eventId, expiresAt }, eventTicketKey(SECRET, randomUUID())),
    ]) {
      await expect(verifyTicketToken(forged, eventId, key, before)).resolves.toEqual({ ok: false, reason: "forged" });
    }
  });

  it("refuses a ticket for another event, and one read after the event", async () => {
    const other = randomUUID();
    await expect(verifyTicketToken(token, other, eventTicketKey(SECRET, other), before)).resolves.toEqual({
      ok: false,
      reason: "otherEvent",
    });
    await expect(verifyTicketToken(token, eventId, key, new Date(expiresAt.getTime() + 1000))).resolves.toEqual({
      ok: false,
      reason: "expired",
    });
  });

  it("refuses junk and anything appended as malformed", async () => {
    for (const junk of ["", "hello", "RM1..", `RM2.${body}.${sig}`, `${token}.extra`, "https://example.test/ticket"]) {
      await expect(verifyTicketToken(junk, eventId, key, before)).resolves.toEqual({ ok: false, reason: "malformed" });
    }
  });

  it("agrees with the server (lib/ticket.ts) on genuine, tampered, foreign and late tickets", async () => {
    const mutation = fc.record({ part: fc.constantFrom(1, 2), at: fc.nat(), char: fc.constantFrom(...B64URL) });
    await fc.assert(
      fc.asyncProperty(
        fc.uuid(),
        fc.uuid(),
        fc.integer({ min: 1_700_000_000, max: 4_000_000_000 }),
        fc.integer({ min: -5, max: 5 }),
        fc.option(mutation),
        fc.boolean(),
        async (reg, event, x, offset, mutate, foreign) => {
          const k = eventTicketKey(SECRET, event);
          const parts = signTicket({ registrationId: reg, eventId: event, expiresAt: new Date(x * 1000) }, k).split(
            ".",
          );
          if (mutate) {
            const part = parts[mutate.part]!;
            const i = mutate.at % part.length;
            parts[mutate.part] = part.slice(0, i) + mutate.char + part.slice(i + 1);
          }
          const gate = foreign ? randomUUID() : event;
          const gateKey = eventTicketKey(SECRET, gate);
          const now = new Date(x * 1000 + offset * 1000);
          expect(await phoneSays(parts.join("."), gate, gateKey, now)).toEqual(
            serverSays(parts.join("."), gate, gateKey, now),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
