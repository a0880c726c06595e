import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { eventMatches, eventsListPath, eventsListSchema, searchWords } from "./events-list";

const card = (name: string, venue = "Nürburgring", clubName = "1M Owners Club") => ({ name, venue, clubName });
const text = fc.string({ unit: "grapheme", maxLength: 20 });

describe("the events list's query string", () => {
  it("falls back to the first page, unsearched, for anything malformed", () => {
    expect(eventsListSchema.parse({})).toEqual({ q: "", after: null });
    expect(eventsListSchema.parse({ q: ["Ring", "x"], after: "not-a-uuid" })).toEqual({ q: "Ring", after: null });
    expect(eventsListSchema.parse({ after: "0B4FB3AA-0000-4000-8000-000000000001" }).after).toBe(
      "0b4fb3aa-0000-4000-8000-000000000001",
    );
  });

  it("never fails, and keeps at most 100 characters of a search", () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (q, after) => {
        const parsed = eventsListSchema.parse({ q, after });
        expect(Array.from(parsed.q).length).toBeLessThanOrEqual(100);
      }),
    );
  });

  it("gives back the query it was built from", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 30 }).map((s) => s.trim()),
        fc.uuid(),
        (q, after) => {
          const url = new URL(eventsListPath({ q, after }), "http://x");
          expect(eventsListSchema.parse(Object.fromEntries(url.searchParams))).toEqual({ q, after });
        },
      ),
    );
    expect(eventsListPath({ q: "", after: null })).toBe("/events");
  });
});

describe("matching an event", () => {
  it("finds it by any part of its name, venue or club, accents and case aside", () => {
    expect(eventMatches(searchWords("nurburgring"), card("Summer Meet"))).toBe(true);
    expect(eventMatches(searchWords("OWNERS summer"), card("Summer Meet"))).toBe(true);
    expect(eventMatches(searchWords("Spa"), card("Summer Meet"))).toBe(false);
    expect(eventMatches(searchWords("Straße"), card("Strasse der Eifel"))).toBe(true);
  });

  it("matches every event with an empty search, and any event by its own name's words", () => {
    fc.assert(
      fc.property(text, text, text, (name, venue, club) => {
        expect(eventMatches([], card(name, venue, club))).toBe(true);
        expect(eventMatches(searchWords(name), card(name, venue, club))).toBe(true);
        expect(eventMatches(searchWords(`${club} ${name}`), card(name, venue, club))).toBe(true);
      }),
    );
  });
});
