import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countryName, isRegistrationCountry, normalisePlate, registrationCountries } from "./countries";

describe("normalisePlate", () => {
  it("upper-cases, collapses spaces and closes them around dashes", () => {
    expect(normalisePlate("ab-cd 12")).toBe("AB-CD 12");
    expect(normalisePlate("  m -  rm\t 101 ")).toBe("M-RM 101");
    expect(normalisePlate("   ")).toBe("");
  });

  it("is idempotent", () => {
    const plateish = fc.string({ unit: fc.constantFrom(..."abcXYZ019 -\t\u00a0äöüß".split("")), maxLength: 20 });
    fc.assert(
      fc.property(fc.oneof(plateish, fc.string({ unit: "grapheme" })), (raw) => {
        const once = normalisePlate(raw);
        expect(normalisePlate(once)).toBe(once);
      }),
      { numRuns: 1000 },
    );
  });

  it("never leaves a lower-case letter, a double space or a space beside a dash", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."ab-cd 12 \t".split("")) }), (raw) => {
        expect(normalisePlate(raw)).not.toMatch(/[a-z]|\s\s| -|- |^\s|\s$/);
      }),
    );
  });
});

describe("registration countries", () => {
  it("knows its ISO codes only, in upper case, each once", () => {
    expect(new Set(registrationCountries).size).toBe(registrationCountries.length);
    for (const code of registrationCountries) expect(code).toMatch(/^[A-Z]{2}$/);
    expect(isRegistrationCountry("DE")).toBe(true);
    expect(isRegistrationCountry("US")).toBe(true);
    expect(isRegistrationCountry("de")).toBe(false);
    expect(isRegistrationCountry("XX")).toBe(false);
    expect(isRegistrationCountry("")).toBe(false);
  });

  it("names a country in the visitor's language", () => {
    expect(countryName("DE", "de")).toBe("Deutschland");
    expect(countryName("DE", "en")).toBe("Germany");
  });
});
