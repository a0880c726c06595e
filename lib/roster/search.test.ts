import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { namesMatch, rosterSearch } from "./search";

describe("rosterSearch", () => {
  it("reads up to three digits as a plaque and nothing else", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999 }), fc.constantFrom("", "#", "# "), (n, prefix) => {
        expect(rosterSearch(`${prefix}${n}`)).toEqual({ plaque: n, plate: null, email: null, vin: null, words: [] });
      }),
    );
  });

  it("searches longer text as name, plate, e-mail and (from five characters) VIN", () => {
    expect(rosterSearch("k-dw 404")).toMatchObject({
      plaque: null,
      plate: "KDW404",
      vin: "KDW404",
      words: ["k", "dw", "404"],
    });
    expect(rosterSearch("1011")).toMatchObject({ plaque: 1011, plate: "1011", vin: null });
    expect(rosterSearch("  ")).toBeNull();
  });
});

describe("namesMatch", () => {
  it("finds a name however it is typed: accents, German spellings, order, case", () => {
    for (const q of ["muller", "mueller", "MÜLLER", "jörg", "joerg mull", "mull, jo"]) {
      expect(namesMatch(rosterSearch(q)!.words, "Jörg Müller", "Jörg M."), q).toBe(true);
    }
    expect(namesMatch(rosterSearch("schulz")!.words, "Stefan Schulz", "Stefan S.")).toBe(true);
    expect(namesMatch(rosterSearch("ller")!.words, "Jörg Müller")).toBe(false); // words begin, they are not found inside
    expect(namesMatch([], "Jörg Müller")).toBe(false);
  });
});
