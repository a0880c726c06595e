import { describe, expect, it } from "vitest";
import {
  catalogue,
  findModel,
  INDIVIDUAL,
  individualSwatches,
  modelLabel,
  paintName,
  swatchFor,
} from "./car-catalogue";

const GREY = "#8a8f98";
const HEX = /^#[0-9a-f]{6}$/;

describe("catalogue", () => {
  it("gives every model a unique code and a from ≤ to build span", () => {
    const codes = catalogue.map((m) => m.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const m of catalogue) {
      expect(m.code).toMatch(/^[a-z0-9-]+$/);
      expect(m.code).not.toBe("other");
      const [from, to] = m.yearsBuilt;
      expect(Number.isInteger(from) && Number.isInteger(to), m.code).toBe(true);
      expect(from, m.code).toBeLessThanOrEqual(to);
      if (m.numberBuilt !== null) expect(m.numberBuilt, m.code).toBeGreaterThan(0);
    }
  });

  it("gives every model a non-empty palette of uniquely named #rrggbb colours", () => {
    for (const m of catalogue) {
      expect(m.colours.length, m.code).toBeGreaterThan(0);
      const names = m.colours.map((c) => c.name);
      expect(new Set(names).size, m.code).toBe(names.length);
      expect(names, m.code).not.toContain(INDIVIDUAL);
      for (const c of m.colours) expect(c.swatch, `${m.code} ${c.name}`).toMatch(HEX);
    }
    for (const swatch of Object.values(individualSwatches)) expect(swatch).toMatch(HEX);
  });

  it("shows one swatch per colour name, since swatchFor does not know the model", () => {
    const seen = new Map<string, string>();
    for (const c of catalogue.flatMap((m) => m.colours)) {
      expect(seen.get(c.name) ?? c.swatch, c.name).toBe(c.swatch);
      seen.set(c.name, c.swatch);
    }
  });

  it("holds the 1M Coupé (E82) facts exactly", () => {
    const oneM = findModel("bmw-1m-e82");
    expect(oneM).toEqual({
      code: "bmw-1m-e82",
      make: "BMW",
      model: "1M Coupé",
      generation: "E82",
      yearsBuilt: [2011, 2012],
      numberBuilt: 6309,
      colours: [
        { name: "Valencia Orange", swatch: expect.stringMatching(HEX) },
        { name: "Alpine White", swatch: expect.stringMatching(HEX) },
        { name: "Sapphire Black", swatch: expect.stringMatching(HEX) },
      ],
      individualPaint: true,
    });
    expect(modelLabel(oneM!)).toBe("BMW 1M Coupé (E82)");
  });

  it("includes the M2, M3 and M4 generations clubs meet with", () => {
    const generations = catalogue.map((m) => `${m.make} ${m.model.replace(" Coupé", "")} ${m.generation}`);
    for (const expected of [
      "BMW M2 F87",
      "BMW M2 G87",
      "BMW M3 E30",
      "BMW M3 E36",
      "BMW M3 E46",
      "BMW M3 E92",
      "BMW M4 F82",
      "BMW M4 G82",
    ]) {
      expect(generations).toContain(expected);
    }
  });

  it("finds a model by code only", () => {
    expect(findModel("bmw-m3-e46")?.generation).toBe("E46");
    expect(findModel("other")).toBeUndefined();
    expect(findModel("BMW-1M-E82")).toBeUndefined();
    expect(findModel("")).toBeUndefined();
  });
});

describe("swatchFor", () => {
  it("returns the factory swatch of a catalogue colour", () => {
    expect(swatchFor("Valencia Orange")).toBe(findModel("bmw-1m-e82")!.colours[0]!.swatch);
    expect(swatchFor("Laguna Seca Blue")).toBe("#2e7bc4");
    expect(swatchFor("Laguna Seca Blue", "Java Green")).toBe("#2e7bc4");
  });

  it("returns the Individual paint's swatch, and grey for an unknown or missing one", () => {
    expect(swatchFor(INDIVIDUAL, "Java Green")).toBe(individualSwatches["Java Green"]);
    expect(swatchFor(INDIVIDUAL, "Frozen Black")).toBe("#2a2b2e");
    expect(swatchFor(INDIVIDUAL, "Paint to Sample Pink")).toBe(GREY);
    expect(swatchFor(INDIVIDUAL, null)).toBe(GREY);
    expect(swatchFor(INDIVIDUAL)).toBe(GREY);
  });

  it("returns grey for a colour no model has", () => {
    expect(swatchFor("Hot Pink")).toBe(GREY);
    expect(swatchFor("")).toBe(GREY);
    expect(swatchFor("valencia orange")).toBe(GREY);
  });
});

describe("paintName", () => {
  it("names an Individual paint by its own name", () => {
    expect(paintName(INDIVIDUAL, "Java Green")).toBe("Java Green");
  });

  it("keeps the factory name otherwise, and BMW Individual when the name is missing", () => {
    expect(paintName("Alpine White")).toBe("Alpine White");
    expect(paintName("Alpine White", "Java Green")).toBe("Alpine White");
    expect(paintName(INDIVIDUAL, null)).toBe(INDIVIDUAL);
    expect(paintName(INDIVIDUAL, "")).toBe(INDIVIDUAL);
  });
});
