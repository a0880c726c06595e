import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isSlug, slugify } from "./slug";

describe("slugify", () => {
  it.each([
    ["1M Meet 2027 — Nürburgring", "1m-meet-2027-nuerburgring"],
    ["Größe Ärger Öl Übung", "groesse-aerger-oel-uebung"],
    ["ÄÖÜ ẞ", "aeoeue-ss"],
    ["Café Crème à la Mode", "cafe-creme-a-la-mode"],
    ["  --Spa  Francorchamps!!--  ", "spa-francorchamps"],
    ["M3 E30 / E36 / E46", "m3-e30-e36-e46"],
  ])("%j → %s", (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });

  it("spells a decomposed umlaut (as macOS pastes it) like a composed one", () => {
    expect(slugify("Nu\u0308rburgring")).toBe("nuerburgring");
  });

  it.each(["", "   ", "!!!", "—", "日本語", "🏁🏁"])("never gives an empty slug (%j → event)", (text) => {
    expect(slugify(text)).toBe("event");
  });

  it("keeps at most 60 characters and never ends in a dash after cutting", () => {
    expect(slugify("a".repeat(100))).toBe("a".repeat(60));
    const cut = slugify(`${"a".repeat(59)} b`);
    expect(cut).toBe("a".repeat(59));
    expect(isSlug(cut)).toBe(true);
  });

  it("always gives a valid slug of at most 60 characters, for any text", () => {
    const text = fc.oneof(
      fc.string({ unit: "grapheme", maxLength: 120 }),
      fc.string({ unit: fc.constantFrom(..."aäoöuüß -–_.ÄÖÜ9"), maxLength: 120 }),
    );
    fc.assert(
      fc.property(text, (t) => {
        const slug = slugify(t);
        expect(slug.length).toBeGreaterThan(0);
        expect(slug.length).toBeLessThanOrEqual(60);
        expect(isSlug(slug)).toBe(true);
        expect(slugify(slug)).toBe(slug);
      }),
      { numRuns: 500 },
    );
  });
});

describe("isSlug", () => {
  it.each(["a", "1m", "1m-meet-2027", "a".repeat(60)])("accepts %j", (value) => {
    expect(isSlug(value)).toBe(true);
  });

  it.each(["", "-a", "a-", "a--b", "A", "ä", "a b", "a_b", "a".repeat(61)])("refuses %j", (value) => {
    expect(isSlug(value)).toBe(false);
  });
});
