import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { centsToDecimal, decimalToCents, formatEuro, MAX_PARSED_CENTS, parseEuro } from "./money";

const NBSP = "\u00a0";
const locale = fc.constantFrom("en" as const, "de" as const);

describe("formatEuro", () => {
  it("writes English amounts with the sign in front", () => {
    expect(formatEuro(123450, "en")).toBe("€1,234.50");
    expect(formatEuro(4500, "en")).toBe("€45.00");
    expect(formatEuro(7, "en")).toBe("€0.07");
    expect(formatEuro(-500, "en")).toBe("-€5.00");
  });

  it("writes German amounts with a NO-BREAK SPACE before the sign", () => {
    expect(formatEuro(123450, "de")).toBe(`1.234,50${NBSP}€`);
    expect(formatEuro(-500, "de")).toBe(`-5,00${NBSP}€`);
    expect(formatEuro(100_000_000, "de")).toBe(`1.000.000,00${NBSP}€`);
  });

  it("never prints a narrow or plain space, whatever ICU does", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), locale, (cents, l) => {
        expect(formatEuro(cents, l)).not.toMatch(/[ \u202f]/);
      }),
    );
  });

  it("prints zero without a sign, even -0", () => {
    expect(formatEuro(-0, "de")).toBe(`0,00${NBSP}€`);
    expect(formatEuro(0, "en")).toBe("€0.00");
  });

  it("stays exact for the largest safe amounts", () => {
    expect(formatEuro(Number.MAX_SAFE_INTEGER, "en")).toBe("€90,071,992,547,409.91");
  });

  it("refuses fractions of a cent", () => {
    expect(() => formatEuro(12.5, "en")).toThrow(RangeError);
    expect(() => formatEuro(Number.NaN, "de")).toThrow(RangeError);
  });
});

describe("parseEuro", () => {
  it.each([
    ["45", 4500],
    ["45.5", 4550],
    ["45.50", 4550],
    ["45,50", 4550],
    ["45,5", 4550],
    ["1.234,50", 123450],
    ["1,234.50", 123450],
    ["1234", 123400],
    ["1234,5", 123450],
    [" €45 ", 4500],
    ["€ 45", 4500],
    ["45 €", 4500],
    ["45€", 4500],
    [`45${NBSP}€`, 4500],
    ["45 EUR", 4500],
    ["eur 45", 4500],
    ["0", 0],
    ["0,07", 7],
    ["1.000.000", 100_000_000],
    ["1,000,000.00", 100_000_000],
  ])("reads %j as %j cents", (input, cents) => {
    expect(parseEuro(input)).toBe(cents);
  });

  it("reads a single separator before exactly three digits as thousands", () => {
    expect(parseEuro("1.234")).toBe(123400);
    expect(parseEuro("1,234")).toBe(123400);
    expect(parseEuro("999.999")).toBe(99_999_900);
    expect(parseEuro("€1.500")).toBe(150_000);
  });

  it("reads other single separators as decimals, and refuses more than two", () => {
    expect(parseEuro("1.23")).toBe(123);
    expect(parseEuro("0.123")).toBeNull();
    expect(parseEuro("1234.567")).toBeNull();
    expect(parseEuro("45,505")).toBe(4_550_500);
    expect(parseEuro("45.5050")).toBeNull();
  });

  it.each([
    "",
    "   ",
    "€",
    "-5",
    "-€5",
    "€-5",
    "+5",
    "abc",
    "45abc",
    "4 5",
    "1 234,50",
    "45.",
    ",50",
    ".5",
    "1.23,45",
    "1,2.50",
    "1.234.5",
    "1.234,50.00",
    "12,34,56",
    "€45€",
    "$45",
    "1e3",
    "Infinity",
    "0x10",
    "1.000.000,01",
    "12.345.678,9",
    "1000001",
    "99999999999999999999",
  ])("refuses %j", (input) => {
    expect(parseEuro(input)).toBeNull();
  });

  it("reads back whatever formatEuro writes, in both languages", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_PARSED_CENTS }), locale, (cents, l) => {
        expect(parseEuro(formatEuro(cents, l))).toBe(cents);
      }),
      { numRuns: 2000 },
    );
  });

  it("reads back the plain machine form", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_PARSED_CENTS }), (cents) => {
        expect(parseEuro(centsToDecimal(cents))).toBe(cents);
      }),
    );
  });

  it("never returns a negative, fractional or too large amount", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[ €0-9.,-]{0,14}$/), (input) => {
        const cents = parseEuro(input);
        if (cents !== null) {
          expect(Number.isSafeInteger(cents)).toBe(true);
          expect(cents).toBeGreaterThanOrEqual(0);
          expect(cents).toBeLessThanOrEqual(MAX_PARSED_CENTS);
        }
      }),
    );
  });
});

describe("centsToDecimal", () => {
  it("writes two decimals with a point and no grouping", () => {
    expect(centsToDecimal(123450)).toBe("1234.50");
    expect(centsToDecimal(4500)).toBe("45.00");
    expect(centsToDecimal(7)).toBe("0.07");
    expect(centsToDecimal(0)).toBe("0.00");
    expect(centsToDecimal(-0)).toBe("0.00");
    expect(centsToDecimal(-505)).toBe("-5.05");
    expect(centsToDecimal(99_999_999_999)).toBe("999999999.99");
  });

  it("round-trips through decimalToCents for every safe amount", () => {
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 15) + 1, max: 10 ** 15 - 1 }), (cents) => {
        const text = centsToDecimal(cents);
        expect(text).toMatch(/^-?\d+\.\d{2}$/);
        expect(decimalToCents(text)).toBe(cents);
      }),
    );
  });

  it("refuses fractions of a cent", () => {
    expect(() => centsToDecimal(0.5)).toThrow(RangeError);
  });
});

describe("decimalToCents", () => {
  it("reads machine amounts with up to two decimals", () => {
    expect(decimalToCents("1234.5")).toBe(123450);
    expect(decimalToCents("1")).toBe(100);
    expect(decimalToCents("-0.00")).toBe(0);
    expect(Object.is(decimalToCents("-0.00"), -0)).toBe(false);
  });

  it.each(["", "1,50", "1.234,5", "1.505", "1.", ".5", "€1", " 1", "1e3"])("refuses %j", (input) => {
    expect(decimalToCents(input)).toBeNull();
  });
});
