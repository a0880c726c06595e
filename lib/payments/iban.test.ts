import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatIban, ibanLength, isValidBic, isValidIban, normaliseBic, normaliseIban } from "./iban";

// Published examples (SWIFT IBAN Registry, ECBS), one per line.
const EXAMPLES = [
  "DE89370400440532013000",
  "GB82WEST12345698765432",
  "AT611904300234573201",
  "NL91ABNA0417164300",
  "CH9300762011623852957",
  "BE68539007547034",
  "FR1420041010050500013M02606",
  "IT60X0542811101000000123456",
  "ES9121000418450200051332",
  "LU280019400644750000",
  "NO9386011117947",
  "MT84MALT011000012345MTLCAST001S",
  "PL61109010140000071219812874",
  "SE4550000000058398257466",
  "IE29AIBK93115212345678",
  "LI21088100002324013AA",
  "FI2112345600000785",
  "PT50000201231234567890154",
  "DK5000400440116243",
  "HR1210010051863000160",
  "SM86U0322509800000000270100",
  "VA59001123000012345678",
  "GI75NWBK000000007099453",
  "IS140159260076545510730339",
];

// prettier-ignore
const SEPA = [
  "AD", "AL", "AT", "BE", "BG", "CH", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GB", "GI",
  "GR", "HR", "HU", "IE", "IS", "IT", "LI", "LT", "LU", "LV", "MC", "MD", "ME", "MK", "MT", "NL",
  "NO", "PL", "PT", "RO", "RS", "SE", "SI", "SK", "SM", "VA",
];

// Check digits computed independently of iban.ts: BigInt over the whole number.
const asNumber = (iban: string) =>
  BigInt([...`${iban.slice(4)}${iban.slice(0, 4)}`].map((c) => parseInt(c, 36)).join(""));
const withCheckDigits = (country: string, bban: string) =>
  `${country}${String(98n - (asNumber(`${country}00${bban}`) % 97n)).padStart(2, "0")}${bban}`;

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".split("");
const validIban = fc
  .constantFrom(...SEPA, "SA", "TR", "BR", "LC")
  .chain((country) =>
    fc
      .array(fc.constantFrom(...ALNUM), { minLength: ibanLength(country)! - 4, maxLength: ibanLength(country)! - 4 })
      .map((chars) => withCheckDigits(country, chars.join(""))),
  );
const anyValidIban = fc.oneof(fc.constantFrom(...EXAMPLES), validIban);
const digitPositions = (iban: string) => [...iban].flatMap((c, i) => (/\d/.test(c) ? [i] : []));

describe("isValidIban", () => {
  it.each(EXAMPLES)("accepts the published example %s", (iban) => {
    expect(isValidIban(iban)).toBe(true);
  });

  it("knows every SEPA country", () => {
    for (const country of SEPA) expect(ibanLength(country), country).toBeGreaterThanOrEqual(15);
    expect(ibanLength("US")).toBeUndefined();
    expect(ibanLength("constructor")).toBeUndefined();
  });

  const lengths = { DE: 22, AT: 20, CH: 21, NL: 18, BE: 16, FR: 27, LU: 20, IT: 27, ES: 24, GB: 22, NO: 15, MT: 31 };
  it.each(Object.entries(lengths))("gives %s IBANs %i characters, as the registry does", (country, length) => {
    expect(ibanLength(country)).toBe(length);
  });

  it("accepts spaces and lower case as typed", () => {
    expect(isValidIban("de89 3704 0044 0532 0130 00")).toBe(true);
    expect(isValidIban(" DE89\t370400440532013000 ")).toBe(true);
  });

  it.each([
    ["", "empty"],
    ["DE89370400440532013001", "wrong check"],
    ["DE8937040044053201300", "one short"],
    ["DE893704004405320130000", "one long"],
    ["GB82WEST1234569876543", "one short"],
    ["XX89370400440532013000", "unknown country"],
    ["US64SVBKUS6S3300958879", "country without IBANs"],
    ["DE89-3704-0044-0532-0130-00", "dashes"],
    ["DE89370400440532013ÄÖ0", "not A–Z"],
    ["DE8937040044053201300O", "letter O for a zero"],
    ["DEAB370400440532013000", "letters as check digits"],
    ["89DE370400440532013000", "no country first"],
  ])("refuses %j (%s)", (iban) => {
    expect(isValidIban(iban)).toBe(false);
  });

  it("refuses the never-issued check digits 00, 01 and 99 even when the sum works", () => {
    // 97 and 00, 98 and 01, 02 and 99 leave the same remainder, so each twin passes the sum alone.
    const twins: Record<string, string> = { "97": "00", "98": "01", "02": "99" };
    const withTwin = validIban.filter((iban) => iban.slice(2, 4) in twins);
    fc.assert(
      fc.property(withTwin, (iban) => {
        const twin = `${iban.slice(0, 2)}${twins[iban.slice(2, 4)]}${iban.slice(4)}`;
        expect(asNumber(twin) % 97n).toBe(1n);
        expect(isValidIban(twin)).toBe(false);
      }),
      { numRuns: 50 },
    );
  });

  it("accepts generated IBANs for every SEPA country", () => {
    fc.assert(fc.property(validIban, (iban) => isValidIban(iban)));
  });

  it("refuses an IBAN with any single digit changed", () => {
    fc.assert(
      fc.property(anyValidIban, fc.nat(), fc.integer({ min: 1, max: 9 }), (iban, pick, step) => {
        const positions = digitPositions(iban);
        const at = positions[pick % positions.length]!;
        const changed = String((Number(iban[at]) + step) % 10);
        expect(isValidIban(`${iban.slice(0, at)}${changed}${iban.slice(at + 1)}`)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it("refuses an IBAN with two different adjacent digits swapped", () => {
    fc.assert(
      fc.property(anyValidIban, fc.nat(), (iban, pick) => {
        const pairs = digitPositions(iban).filter((i) => /\d/.test(iban[i + 1] ?? "") && iban[i] !== iban[i + 1]);
        fc.pre(pairs.length > 0);
        const at = pairs[pick % pairs.length]!;
        const swapped = `${iban.slice(0, at)}${iban[at + 1]}${iban[at]}${iban.slice(at + 2)}`;
        expect(isValidIban(swapped)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("normaliseIban and formatIban", () => {
  it("normalises to upper case without whitespace", () => {
    expect(normaliseIban(" de89 3704\u00a00044 0532 0130 00\n")).toBe("DE89370400440532013000");
  });

  it("groups by four", () => {
    expect(formatIban("DE89370400440532013000")).toBe("DE89 3704 0044 0532 0130 00");
    expect(formatIban("nl91 abna 0417 1643 00")).toBe("NL91 ABNA 0417 1643 00");
    expect(formatIban("")).toBe("");
  });

  it("formats to something that normalises back", () => {
    fc.assert(fc.property(anyValidIban, (iban) => normaliseIban(formatIban(iban)) === iban));
  });
});

describe("isValidBic", () => {
  it.each(["COBADEFF", "COBADEFFXXX", "DEUTDEDB110", "BYLADEM1001", "NWBKGB2L", "ubsw ch zh 80a"])(
    "accepts %j",
    (bic) => {
      expect(isValidBic(bic)).toBe(true);
    },
  );

  it.each([
    "",
    "COBADEF",
    "COBADEFFX",
    "COBADEFFXX",
    "COBADEFFXXXX",
    "C0BADEFF",
    "COBAD3FF",
    "COBADE-F",
    "COBADEFFXX_",
  ])("refuses %j", (bic) => {
    expect(isValidBic(bic)).toBe(false);
  });

  it("normalises to upper case without whitespace", () => {
    expect(normaliseBic(" coba de ff xxx ")).toBe("COBADEFFXXX");
  });
});
