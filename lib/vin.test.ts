import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hasValidCheckDigit, isVinShape, normaliseVin, vinCheckDigit } from "./vin";

const VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789".split("");
const vinChar = fc.constantFrom(...VIN_CHARS);
const draftVin = fc.array(vinChar, { minLength: 17, maxLength: 17 }).map((cs) => cs.join(""));
const withCheckDigit = (draft: string) => `${draft.slice(0, 8)}${vinCheckDigit(draft)}${draft.slice(9)}`;
/** The value a character carries in the check-digit sum (ISO 3779 transliteration). */
const value = (c: string) =>
  /[0-9]/.test(c)
    ? Number(c)
    : "ABCDEFGH".includes(c)
      ? "ABCDEFGH".indexOf(c) + 1
      : "JKLMN".includes(c)
        ? "JKLMN".indexOf(c) + 1
        : c === "P"
          ? 7
          : c === "R"
            ? 9
            : "STUVWXYZ".indexOf(c) + 2;

describe("normaliseVin", () => {
  it("removes spaces and dashes and upper-cases", () => {
    expect(normaliseVin(" wbs-ur9c5 0be 700123\t")).toBe("WBSUR9C50BE700123");
  });

  it("is idempotent", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (raw) => {
        expect(normaliseVin(normaliseVin(raw))).toBe(normaliseVin(raw));
      }),
    );
  });
});

describe("isVinShape", () => {
  it("accepts 17 characters of A–Z and 0–9 without I, O, Q", () => {
    expect(isVinShape("1M8GDM9AXKP042788")).toBe(true);
    expect(isVinShape("1M8GDM9AXKP04278")).toBe(false);
    expect(isVinShape("1M8GDM9AXKP0427888")).toBe(false);
    expect(isVinShape("1m8gdm9axkp042788")).toBe(false);
  });

  it("never accepts I, O or Q anywhere", () => {
    fc.assert(
      fc.property(draftVin, fc.integer({ min: 0, max: 16 }), fc.constantFrom("I", "O", "Q"), (vin, at, bad) => {
        expect(isVinShape(`${vin.slice(0, at)}${bad}${vin.slice(at + 1)}`)).toBe(false);
      }),
    );
  });
});

describe("vinCheckDigit / hasValidCheckDigit", () => {
  it.each([
    ["1M8GDM9AXKP042788", "X"],
    ["11111111111111111", "1"],
    ["1HGCM82633A004352", "3"],
    ["5YJSA1DG9DFP14705", "9"],
  ])("real-world VIN %s has check digit %s", (vin, digit) => {
    expect(vinCheckDigit(vin)).toBe(digit);
    expect(hasValidCheckDigit(vin)).toBe(true);
  });

  it("rejects a wrong check digit and a malformed VIN", () => {
    expect(hasValidCheckDigit("1M8GDM9A1KP042788")).toBe(false);
    expect(hasValidCheckDigit("1M8GDM9AXKP04278")).toBe(false);
    expect(hasValidCheckDigit("1M8GDM9AXKP0427O8")).toBe(false);
  });

  it("makes any VIN-shaped draft valid once its check digit is inserted", () => {
    fc.assert(
      fc.property(draftVin, (draft) => {
        expect(hasValidCheckDigit(withCheckDigit(draft))).toBe(true);
      }),
    );
  });

  it("notices any single change of a character's value outside the check position", () => {
    // Weights 2..10 and value differences 1..9 are never a multiple of the prime 11.
    const change = fc.tuple(
      draftVin,
      fc.integer({ min: 0, max: 16 }).filter((i) => i !== 8),
      vinChar,
    );
    fc.assert(
      fc.property(
        change.filter(([d, at, c]) => value(c) !== value(d[at]!)),
        ([draft, at, c]) => {
          const vin = withCheckDigit(draft);
          expect(hasValidCheckDigit(`${vin.slice(0, at)}${c}${vin.slice(at + 1)}`)).toBe(false);
        },
      ),
    );
  });

  it("refuses every other check digit", () => {
    fc.assert(
      fc.property(draftVin, fc.constantFrom(..."0123456789X".split("")), (draft, digit) => {
        const vin = withCheckDigit(draft);
        fc.pre(digit !== vin[8]);
        expect(hasValidCheckDigit(`${vin.slice(0, 8)}${digit}${vin.slice(9)}`)).toBe(false);
      }),
    );
  });
});
