import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { searchCars } from "./search";
import { car } from "./test-cars";

const cars = [
  car({ plaque: 1, driver: "Anna Schmidt", plate: "AW-RM 1" }),
  car({ plaque: 12, driver: "Jürgen Maier", plate: "M-XY 12" }),
  car({ plaque: 21, driver: "Maria Jansen", plate: "NL 12-ABC" }),
  car({ plaque: null, driver: "Tom Baker", plate: null }),
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

  it("finds nothing for an empty query", () => {
    expect(searchCars(cars, "   ")).toEqual([]);
  });

  it("only ever returns cars that match, at most the limit", () => {
    fc.assert(fc.property(fc.string({ maxLength: 6 }), fc.integer({ min: 1, max: 3 }), (q, limit) => {
      const hits = searchCars(cars, q, limit);
      expect(hits.length).toBeLessThanOrEqual(limit);
      for (const hit of hits) expect(cars).toContain(hit);
    }));
  });
});
