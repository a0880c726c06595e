import { describe, expect, it } from "vitest";
import { withContactsFrom, withoutContacts, withoutExpiredContacts } from "./expiry";
import { car } from "./testing/cars";
import type { CheckInCopy } from "./types";

const copy = (endsOn: string): CheckInCopy => ({
  event: { id: "e", slug: "e", name: "E", endsOn },
  mayOverride: false,
  ticketKey: "k",
  sessions: [],
  checklist: [],
  cars: [car({ emergency: { name: "Anna", phone: "+49171" } }), car()],
  fetchedAt: "",
});

describe("withoutExpiredContacts", () => {
  it("keeps emergency contacts through the event's last day in Berlin, and drops them after it", () => {
    // 23:30 UTC on 12 July is already 13 July in Berlin (summer time).
    expect(withoutExpiredContacts(copy("2031-07-12"), new Date("2031-07-12T21:30:00Z")).cars[0]!.emergency).toEqual({
      name: "Anna",
      phone: "+49171",
    });
    const after = withoutExpiredContacts(copy("2031-07-12"), new Date("2031-07-12T22:30:00Z"));
    expect(after.cars.map((c) => c.emergency)).toEqual([null, null]);
  });
});

describe("the copy in a page's HTML", () => {
  it("carries no contact, and gets back those the phone saved for the same event's cars only", () => {
    const saved = copy("2031-07-12");
    const html = withoutContacts(saved);
    expect(html.cars.map((c) => c.emergency)).toEqual([null, null]);
    expect(JSON.stringify(html)).not.toContain("+49171");
    expect(withContactsFrom(html, saved).cars.map((c) => c.emergency)).toEqual([
      { name: "Anna", phone: "+49171" },
      null,
    ]);
    expect(withContactsFrom(html, null).cars[0]!.emergency).toBeNull();
    const otherEvent = { ...saved, event: { ...saved.event, id: "other" } };
    expect(withContactsFrom(html, otherEvent).cars[0]!.emergency).toBeNull();
  });

  it("leaves a copy from the data request as it came", () => {
    const fetched = { ...copy("2031-07-12"), cars: [car()] };
    expect(withContactsFrom(fetched, copy("2031-07-12"))).toBe(fetched);
  });
});
