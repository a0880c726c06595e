import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EPC_MAX_CENTS, EPC_MIN_CENTS, epcPayload, parseEpcPayload, type EpcTransfer } from "./epc-qr";

const TRANSFER: EpcTransfer = {
  bic: "cobadeff xxx",
  holder: "  Ringmeet Motorsport e.V. ",
  iban: "de89 3704 0044 0532 0130 00",
  cents: 4500,
  reference: "RM-2026-K7QX Anna Müller",
};

const EXPECTED = [
  "BCD",
  "002",
  "1",
  "SCT",
  "COBADEFFXXX",
  "Ringmeet Motorsport e.V.",
  "DE89370400440532013000",
  "EUR45.00",
  "",
  "",
  "RM-2026-K7QX Anna Müller",
].join("\n");

const utf8Bytes = (text: string) => new TextEncoder().encode(text).length;

describe("epcPayload", () => {
  it("writes the eleven lines of a version 002 UTF-8 SCT payload, normalised", () => {
    expect(epcPayload(TRANSFER)).toBe(EXPECTED);
  });

  it("writes machine amounts with a point and two decimals", () => {
    const amountLine = (cents: number) => epcPayload({ ...TRANSFER, cents }).split("\n")[7];
    expect(amountLine(1)).toBe("EUR0.01");
    expect(amountLine(123456)).toBe("EUR1234.56");
    expect(amountLine(EPC_MAX_CENTS)).toBe("EUR999999999.99");
  });

  it("leaves out trailing empty lines and keeps an empty BIC line inside the EEA", () => {
    const payload = epcPayload({ ...TRANSFER, bic: "", reference: " " });
    expect(payload).toBe("BCD\n002\n1\nSCT\n\nRingmeet Motorsport e.V.\nDE89370400440532013000\nEUR45.00");
  });

  it.each([
    [{ iban: "DE89370400440532013001" }, /not a valid IBAN/],
    [{ iban: "" }, /not a valid IBAN/],
    [{ bic: "COBADE" }, /not a valid BIC/],
    [{ bic: "", iban: "CH9300762011623852957" }, /outside the EEA needs a BIC/],
    [{ cents: 0 }, /amount/],
    [{ cents: -4500 }, /amount/],
    [{ cents: 45.5 }, /amount/],
    [{ cents: EPC_MAX_CENTS + 1 }, /amount/],
    [{ cents: Number.NaN }, /amount/],
    [{ holder: "   " }, /account holder is empty/],
    [{ holder: "x".repeat(71) }, /account holder is longer than 70/],
    [{ holder: "Ringmeet\nEvil Corp" }, /account holder contains a line break/],
    [{ reference: "x".repeat(141) }, /reference is longer than 140/],
    [{ reference: "RM-1\r\nDE00" }, /reference contains a line break/],
    [{ reference: "RM-1\u2028x" }, /reference contains a line break/],
    [{ reference: "RM-\ud800" }, /reference contains a line break or control character/],
  ])("refuses %j", (change, message) => {
    expect(() => epcPayload({ ...TRANSFER, ...change })).toThrow(message);
  });

  it("counts characters, not UTF-16 units, against the length limits", () => {
    expect(() => epcPayload({ ...TRANSFER, holder: "😀".repeat(40) })).not.toThrow();
  });

  it("refuses a payload over 331 bytes", () => {
    const transfer = { ...TRANSFER, holder: "Ä".repeat(70), reference: "€".repeat(140) };
    expect(() => epcPayload(transfer)).toThrow(/bytes, more than 331/);
  });

  it("fits any plain ASCII transfer within the limits", () => {
    const payload = epcPayload({
      bic: "COBADEFFXXX",
      holder: "H".repeat(70),
      iban: "MT84MALT011000012345MTLCAST001S",
      cents: EPC_MAX_CENTS,
      reference: "R".repeat(140),
    });
    expect(utf8Bytes(payload)).toBeLessThanOrEqual(331);
  });
});

// Random but valid transfers: a few real IBANs, text that may carry umlauts, emoji or spaces to trim.
const text = (max: number) =>
  fc.string({ unit: fc.constantFrom("a", "Z", "7", " ", "-", "/", "ä", "ß", "€", "😀", "."), maxLength: max });
const transfer: fc.Arbitrary<EpcTransfer> = fc.record({
  bic: fc.constantFrom("", "COBADEFFXXX", "ubswchzh80a", "NWBKGB2L"),
  holder: text(70).filter((s) => s.trim() !== ""),
  iban: fc.constantFrom(
    "DE89370400440532013000",
    "at61 1904 3002 3457 3201",
    "NL91ABNA0417164300",
    "FR1420041010050500013M02606",
  ),
  cents: fc.integer({ min: EPC_MIN_CENTS, max: EPC_MAX_CENTS }),
  reference: text(140),
});
const normalised = (t: EpcTransfer): EpcTransfer => ({
  bic: t.bic.replace(/\s/g, "").toUpperCase(),
  holder: t.holder.trim(),
  iban: t.iban.replace(/\s/g, "").toUpperCase(),
  cents: t.cents,
  reference: t.reference.trim(),
});
const payloadOrNull = (t: EpcTransfer) => {
  try {
    return epcPayload(t);
  } catch (error) {
    expect(String(error)).toMatch(/more than 331/); // the only refusal a valid transfer may meet
    return null;
  }
};

describe("parseEpcPayload", () => {
  it("reads a payload back to the normalised transfer", () => {
    expect(parseEpcPayload(EXPECTED)).toEqual({
      bic: "COBADEFFXXX",
      holder: "Ringmeet Motorsport e.V.",
      iban: "DE89370400440532013000",
      cents: 4500,
      reference: "RM-2026-K7QX Anna Müller",
    });
  });

  it("round-trips every valid transfer that fits, within 331 bytes", () => {
    fc.assert(
      fc.property(transfer, (t) => {
        const payload = payloadOrNull(t);
        if (payload === null) return;
        expect(utf8Bytes(payload)).toBeLessThanOrEqual(331);
        expect(parseEpcPayload(payload)).toEqual(normalised(t));
        expect(epcPayload(parseEpcPayload(payload)!)).toBe(payload);
      }),
      { numRuns: 500 },
    );
  });

  it("reads what other generators write: version 001, CRLF, short amounts, a structured reference", () => {
    const belgian =
      "BCD\r\n001\r\n1\r\nSCT\r\nBPOTBEB1\r\nRed Cross\r\nBE72000000001616\r\nEUR1\r\nCHAR\r\n\r\nUrgency fund";
    expect(parseEpcPayload(belgian)).toEqual({
      bic: "BPOTBEB1",
      holder: "Red Cross",
      iban: "BE72000000001616",
      cents: 100,
      reference: "Urgency fund",
    });
    const structured = "BCD\n002\n2\nSCT\n\nMax\nDE89370400440532013000\nEUR12.3\n\nRF18539007547034\n\nThanks";
    expect(parseEpcPayload(structured)).toMatchObject({ cents: 1230, reference: "RF18539007547034" });
  });

  it.each([
    ["empty", ""],
    ["another service tag", EXPECTED.replace("BCD", "BCE")],
    ["an unknown version", EXPECTED.replace("\n002\n", "\n003\n")],
    ["an unknown character set", EXPECTED.replace("\n1\n", "\n9\n")],
    ["instant transfer", EXPECTED.replace("SCT", "INST")],
    ["version 001 without a BIC", EXPECTED.replace("002", "001").replace("COBADEFFXXX", "")],
    ["a bad IBAN", EXPECTED.replace("DE89370400440532013000", "DE89370400440532013001")],
    ["no amount", EXPECTED.replace("EUR45.00", "")],
    ["another currency", EXPECTED.replace("EUR45.00", "CHF45.00")],
    ["a comma amount", EXPECTED.replace("EUR45.00", "EUR45,00")],
    ["a zero amount", EXPECTED.replace("EUR45.00", "EUR0.00")],
    ["three decimals", EXPECTED.replace("EUR45.00", "EUR45.001")],
    ["too few lines", "BCD\n002\n1\nSCT\n\nMax"],
    ["too many lines", `${EXPECTED}\ninfo\nmore`],
  ])("refuses %s", (_why, payload) => {
    expect(parseEpcPayload(payload)).toBeNull();
  });
});
