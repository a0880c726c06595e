import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { searchCars, searchKeyOf } from "./search";
import { car } from "./testing/cars";

// The list shows a short display name; the search key holds the full name too.
const cars = [
  car({ plaque: 1, driver: "Anna Schmidt", plate: "AW-RM 1" }),
  car({ plaque: 12, driver: "Jürgen Maier", plate: "M-XY 12" }),
  car({ plaque: 21, driver: "Maria Jansen", plate: "NL 12-ABC" }),
  car({ plaque: null, driver: "Tom Baker", plate: null }),
  car({ plaque: 31, driver: "Stefan S.", searchKey: searchKeyOf("Stefan Schulz", "Stefan S."), plate: "HH-SS 31" }),
  car({ plaque: 32, driver: "Lena M.", searchKey: searchKeyOf("Lena Müller", "Lena M."), plate: "K-LM 32" }),
  car({ plaque: 33, driver: "Petra", searchKey: searchKeyOf("Petra Straßer", "Petra"), plate: "B-PS 33" }),
];
const plaques = (q: string) => searchCars(cars, q).map((c) => c.plaque);

describe("searching the offline list", () => {
  it("finds a plaque number exactly, with or without #", () => {
    expect(plaques("12")[0]).toBe(12);
    expect(plaques("#21")[0]).toBe(21);
  });

  it("finds plates whatever the spaces, dashes and case", () => {
    expect(plaques("mxy12")).toEqual([12]);
    expect(plaques("AW RM1")).toEqual([1]);
  });

  it("finds names without their accents, word starts first", () => {
    expect(plaques("jurgen")).toEqual([12]);
    expect(plaques("ma")).toEqual([12, 21]);
  });

  it("finds a driver by the surname the list does not show", () => {
    expect(plaques("Schulz")).toEqual([31]);
    expect(plaques("schu")).toEqual([31]);
    expect(plaques("stefan schulz")).toEqual([31]);
    expect(plaques("Schulz, Stefan")).toEqual([31]);
  });

  it("finds umlauts and ß typed plainly or transliterated", () => {
    for (const q of ["Müller", "muller", "MUELLER", "mul"]) expect(plaques(q), q).toEqual([32]);
    for (const q of ["Straßer", "strasser", "STRASSER"]) expect(plaques(q), q).toEqual([33]);
  });

  it("finds a car by any word of its full name, however it is typed", () => {
    const names = fc
      .array(fc.constantFrom(..."abdefhiklmnoprstuzäöüß".split("")), { minLength: 2, maxLength: 8 })
      .map((c) => c.join(""));
    fc.assert(
      fc.property(fc.array(names, { minLength: 1, maxLength: 3 }), fc.nat(), fc.boolean(), (words, pick, upper) => {
        const hit = car({ plaque: 99, driver: "X", searchKey: searchKeyOf(words.join(" ")) });
        const word = words[pick % words.length]!;
        const typed = upper
          ? word.toUpperCase()
          : word.replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue").replace(/ß/g, "ss");
        expect(searchCars([hit], typed)).toEqual([hit]);
      }),
    );
  });

  it("finds nothing for an empty query", () => {
    expect(searchCars(cars, "   ")).toEqual([]);
  });

  it("only ever returns cars that match, at most the limit", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 6 }), fc.integer({ min: 1, max: 3 }), (q, limit) => {
        const hits = searchCars(cars, q, limit);
        expect(hits.length).toBeLessThanOrEqual(limit);
        for (const hit of hits) expect(cars).toContain(hit);
      }),
    );
  });
});
