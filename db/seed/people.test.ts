import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { catalogue, INDIVIDUAL, individualSwatches } from "@/lib/car-catalogue";
import { hasValidCheckDigit } from "@/lib/vin";
import { demoOwners } from "./people";

const owners = demoOwners(92);
const factoryColours = catalogue[0]!.colours.map((c) => c.name);

describe("demoOwners(92)", () => {
  it("gives 92 owners with unique e-mails owner001 … owner092", () => {
    expect(owners).toHaveLength(92);
    expect(new Set(owners.map((o) => o.email)).size).toBe(92);
    expect(owners[0]!.email).toBe("owner001@ringmeet.test");
    expect(owners[91]!.email).toBe("owner092@ringmeet.test");
  });

  it("gives unique production numbers within the 6309 cars built", () => {
    const numbers = owners.map((o) => o.car.productionNumber);
    expect(new Set(numbers).size).toBe(92);
    for (const n of numbers) {
      expect(Number.isInteger(n)).toBe(true);
      expect(n).toBeGreaterThanOrEqual(1);
      expect(n).toBeLessThanOrEqual(6309);
    }
  });

  it("gives unique 1M VINs with valid check digits that match the model year", () => {
    expect(new Set(owners.map((o) => o.car.vin)).size).toBe(92);
    for (const { car } of owners) {
      expect(hasValidCheckDigit(car.vin)).toBe(true);
      expect(car.vin.startsWith("WBSUR9C5")).toBe(true);
      expect(car.vin[9]).toBe(car.year === 2011 ? "B" : "C");
      expect([2011, 2012]).toContain(car.year);
    }
  });

  it("gives every car a plate and a country of registration, mostly DE", () => {
    const countries = new Map<string, number>();
    for (const o of owners) {
      expect(o.car.plate.trim()).not.toBe("");
      expect(["DE", "NL", "BE", "CH", "GB", "AT", "LU"]).toContain(o.car.plateCountry);
      expect(o.country).toBe(o.car.plateCountry);
      countries.set(o.car.plateCountry, (countries.get(o.car.plateCountry) ?? 0) + 1);
    }
    const byCount = [...countries.entries()].sort((a, b) => b[1] - a[1]);
    expect(byCount[0]![0]).toBe("DE");
    expect(countries.size).toBeGreaterThan(3);
  });

  it("paints mostly factory colours, a few Individual ones with their names", () => {
    const individual = owners.filter((o) => o.car.colour === INDIVIDUAL);
    expect(individual.length).toBeGreaterThan(0);
    expect(individual.length).toBeLessThan(10);
    for (const { car } of owners) {
      if (car.colour === INDIVIDUAL) expect(Object.keys(individualSwatches)).toContain(car.individualColour);
      else {
        expect(factoryColours).toContain(car.colour);
        expect(car.individualColour).toBeNull();
      }
    }
    for (const colour of factoryColours) expect(owners.some((o) => o.car.colour === colour)).toBe(true);
  });

  it("writes the same people on every run", () => {
    expect(demoOwners(92)).toEqual(owners);
    expect(demoOwners(10)).toEqual(owners.slice(0, 10));
  });

  it("keeps e-mails and production numbers unique for any number of owners", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), (count) => {
        const list = demoOwners(count);
        expect(new Set(list.map((o) => o.email)).size).toBe(count);
        expect(new Set(list.map((o) => o.car.productionNumber)).size).toBe(count);
        expect(list.every((o) => hasValidCheckDigit(o.car.vin))).toBe(true);
      }),
      { numRuns: 30 },
    );
  });
});
