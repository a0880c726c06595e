import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { eventTicketKey, signTicket } from "@/lib/ticket";
import { answerForCar, answerForTicket } from "./answer";
import { car } from "./testing/cars";
import type { CheckInCopy } from "./types";

const eventId = randomUUID();
const key = eventTicketKey("answer-test-secret-0123456789", eventId);
const expiresAt = new Date("2031-06-16T22:00:00Z");
const now = new Date("2031-06-14T07:00:00Z");
const pendingFor = (registrationId: string, scannedAt: string) => ({
  clientId: randomUUID(),
  registrationId,
  scannedAt,
  ticks: [],
});

function copyWith(...cars: ReturnType<typeof car>[]): CheckInCopy {
  return {
    event: { id: eventId, slug: "meet", name: "Meet", endsOn: "2031-07-12" },
    mayOverride: false,
    ticketKey: key,
    sessions: [{ id: "s1", name: "Paddock" }],
    checklist: [],
    cars,
    fetchedAt: now.toISOString(),
  };
}
const ticketOf = (registrationId: string, event = eventId, k = key) =>
  signTicket({ registrationId, eventId: event, expiresAt }, k);

describe("the gate's answer for a car", () => {
  it("lets a confirmed car in", () => {
    expect(answerForCar(car(), undefined)).toMatchObject({ kind: "ok" });
  });

  it("says when and by whom a car was checked in, in Berlin time whatever the phone's zone", () => {
    const answer = answerForCar(car({ checkedInAt: "2031-06-14T06:05:00Z", checkedInBy: "Anna" }), undefined);
    expect(answer).toMatchObject({ kind: "alreadyIn", at: "08:05", by: "Anna", pending: false });
  });

  it("counts this phone's pending check-in when it is the earlier one", () => {
    const c = car({ checkedInAt: "2031-06-14T06:05:00Z", checkedInBy: "Anna" });
    expect(answerForCar(c, pendingFor(c.registrationId, "2031-06-14T06:01:00Z"))).toMatchObject({
      kind: "alreadyIn",
      at: "08:01",
      pending: true,
    });
    expect(answerForCar(c, pendingFor(c.registrationId, "2031-06-14T06:09:00Z"))).toMatchObject({
      kind: "alreadyIn",
      at: "08:05",
      by: "Anna",
      pending: false,
    });
  });

  it("refuses cancelled, waiting-only and place-less registrations", () => {
    expect(answerForCar(car({ cancelled: true, checkedInAt: "2031-06-14T06:05:00Z" }), undefined)).toMatchObject({
      kind: "refused",
      reason: "cancelled",
    });
    expect(answerForCar(car({ places: [{ sessionId: "s1", status: "waiting" }] }), undefined)).toMatchObject({
      kind: "refused",
      reason: "waitingOnly",
    });
    expect(answerForCar(car({ places: [] }), undefined)).toMatchObject({ kind: "refused", reason: "notRegistered" });
  });
});

describe("the gate's answer for a scanned ticket", () => {
  it("finds the car a genuine ticket names", async () => {
    const c = car();
    await expect(answerForTicket(ticketOf(c.registrationId), copyWith(c), [], now)).resolves.toEqual({
      kind: "ok",
      car: c,
    });
  });

  it("says already checked in on a second scan once this phone checked the car in", async () => {
    const c = car();
    const answer = await answerForTicket(
      ticketOf(c.registrationId),
      copyWith(c),
      [pendingFor(c.registrationId, "2031-06-14T06:30:00Z")],
      now,
    );
    expect(answer).toMatchObject({ kind: "alreadyIn", at: "08:30", pending: true });
  });

  it("refuses forged, foreign, expired, unknown and unreadable tickets", async () => {
    const c = car();
    const copy = copyWith(c);
    const otherEvent = randomUUID();
    const cases: [string, string, Date][] = [
      [ticketOf(c.registrationId, eventId, eventTicketKey("someone-else-0123456789", eventId)), "forged", now],
      [ticketOf(c.registrationId, otherEvent, eventTicketKey("x-0123456789", otherEvent)), "otherEvent", now],
      [ticketOf(c.registrationId), "expired", new Date(expiresAt.getTime() + 60_000)],
      [ticketOf(randomUUID()), "notRegistered", now],
      ["not a ticket", "unreadable", now],
    ];
    for (const [token, reason, at] of cases) {
      await expect(answerForTicket(token, copy, [], at)).resolves.toMatchObject({ kind: "refused", reason });
    }
  });
});
