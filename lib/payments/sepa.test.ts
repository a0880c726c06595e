import fc from "fast-check";
import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { refundTransfersXml, sepaText, type RefundBatch, type RefundTransfer } from "./sepa";

type Tx = {
  PmtId: { InstrId: string; EndToEndId: string };
  Amt: { InstdAmt: { "#text": string; "@_Ccy": string } };
  CdtrAgt?: { FinInstnId: { BIC: string } };
  Cdtr: { Nm: string };
  CdtrAcct: { Id: { IBAN: string } };
  RmtInf: { Ustrd: string };
};

// Values stay strings: "0.30" must not become 0.3, nor an IBAN a number.
const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false, isArray: (n) => n === "CdtTrfTxInf" });
function parsed(xml: string) {
  const doc = parser.parse(xml).Document;
  const root = doc.CstmrCdtTrfInitn;
  return { ns: doc["@_xmlns"] as string, hdr: root.GrpHdr, pmt: root.PmtInf, txs: root.PmtInf.CdtTrfTxInf as Tx[] };
}

const IBANS = ["DE89370400440532013000", "DE02120300000000202051", "AT611904300234573201", "NL91ABNA0417164300"];
const transfer = (over: Partial<RefundTransfer> = {}): RefundTransfer => ({
  endToEndId: "RM-R-1",
  name: "Anna Schmidt",
  iban: IBANS[0]!,
  cents: 4500,
  remittance: "Refund entry fee 2026-0007",
  ...over,
});
const batch = (transfers: RefundTransfer[], over: Partial<RefundBatch> = {}): RefundBatch => ({
  debtor: { name: "MSC Nürburgring e.V.", iban: "DE02500105170137075030", bic: "INGDDEFFXXX" },
  messageId: "RM-2026-03-14-001",
  createdAt: new Date("2026-03-14T23:30:00Z"),
  executionDate: "2026-03-16",
  transfers,
  ...over,
});
/** Cents as a decimal, by BigInt arithmetic: a check that does not share the code it checks. */
const decimal = (cents: bigint) => `${cents / 100n}.${String(cents % 100n).padStart(2, "0")}`;

describe("refundTransfersXml read back", () => {
  it("writes a pain.001.001.03 file with the header, the debtor and every transfer", () => {
    const { ns, hdr, pmt, txs } = parsed(
      refundTransfersXml(
        batch([
          transfer({ endToEndId: "RM-R-1", cents: 4500, bic: "COBADEFFXXX" }),
          transfer({ endToEndId: "RM-R-2", name: "Kees de Vries", iban: "NL91 ABNA 0417 1643 00", cents: 1999 }),
          transfer({ endToEndId: "RM-R-3", iban: IBANS[2], cents: 1, remittance: "Session 2 cancelled" }),
        ]),
      ),
    );
    expect(ns).toBe("urn:iso:std:iso:20022:tech:xsd:pain.001.001.03");
    expect(hdr).toMatchObject({ MsgId: "RM-2026-03-14-001", NbOfTxs: "3", CtrlSum: "65.00" });
    expect(hdr.InitgPty.Nm).toBe("MSC Nuerburgring e.V.");
    expect(pmt).toMatchObject({ PmtMtd: "TRF", BtchBookg: "false", NbOfTxs: "3", CtrlSum: "65.00" });
    expect(pmt.ReqdExctnDt).toBe("2026-03-16");
    expect(pmt.DbtrAcct.Id.IBAN).toBe("DE02500105170137075030");
    expect(pmt.DbtrAgt.FinInstnId.BIC).toBe("INGDDEFFXXX");
    expect(txs.map((t) => [t.PmtId.EndToEndId, t.Amt.InstdAmt["#text"], t.Cdtr.Nm, t.CdtrAcct.Id.IBAN])).toEqual([
      ["RM-R-1", "45.00", "Anna Schmidt", IBANS[0]],
      ["RM-R-2", "19.99", "Kees de Vries", "NL91ABNA0417164300"],
      ["RM-R-3", "0.01", "Anna Schmidt", IBANS[2]],
    ]);
    expect(txs.every((t) => t.Amt.InstdAmt["@_Ccy"] === "EUR")).toBe(true);
    expect(txs.map((t) => t.CdtrAgt?.FinInstnId.BIC)).toEqual(["COBADEFFXXX", undefined, undefined]);
    expect(txs[2]!.RmtInf.Ustrd).toBe("Session 2 cancelled");
  });

  it("writes amounts from cents without float error (0.10 + 0.20 is 0.30)", () => {
    const { hdr, txs } = parsed(
      refundTransfersXml(batch([transfer({ cents: 10 }), transfer({ endToEndId: "b", cents: 20 })])),
    );
    expect(txs.map((t) => t.Amt.InstdAmt["#text"])).toEqual(["0.10", "0.20"]);
    expect(hdr.CtrlSum).toBe("0.30");
    const big = parsed(refundTransfersXml(batch([transfer({ cents: 99_999_999_999 })])));
    expect(big.txs[0]!.Amt.InstdAmt["#text"]).toBe("999999999.99");
  });

  it("has a control sum equal to the sum of the cents and a count equal to the list's length", () => {
    const list = fc.array(
      fc.record({ cents: fc.integer({ min: 1, max: 99_999_999_999 }), iban: fc.constantFrom(...IBANS) }),
      { minLength: 1, maxLength: 60 },
    );
    fc.assert(
      fc.property(list, (items) => {
        const transfers = items.map((t, i) => transfer({ ...t, endToEndId: `E2E-${i}` }));
        const { hdr, pmt, txs } = parsed(refundTransfersXml(batch(transfers)));
        const sum = items.reduce((s, t) => s + BigInt(t.cents), 0n);
        expect([hdr.CtrlSum, pmt.CtrlSum]).toEqual([decimal(sum), decimal(sum)]);
        expect([hdr.NbOfTxs, pmt.NbOfTxs]).toEqual([String(items.length), String(items.length)]);
        expect(txs.map((t) => t.Amt.InstdAmt["#text"])).toEqual(items.map((t) => decimal(BigInt(t.cents))));
      }),
      { numRuns: 200 },
    );
  });

  it("stamps the creation time in Berlin time and keeps the execution day, whatever the server's zone", () => {
    const winter = parsed(refundTransfersXml(batch([transfer()])));
    expect(winter.hdr.CreDtTm).toBe("2026-03-15T00:30:00");
    const summer = parsed(refundTransfersXml(batch([transfer()], { createdAt: new Date("2026-07-01T10:00:00Z") })));
    expect(summer.hdr.CreDtTm).toBe("2026-07-01T12:00:00");
    expect(parsed(refundTransfersXml(batch([transfer()], { executionDate: "2026-12-31" }))).pmt.ReqdExctnDt).toBe(
      "2026-12-31",
    );
  });
});

describe("names and remittance in the SEPA character set", () => {
  it("spells out umlauts and ß, drops accents and other characters", () => {
    const { txs } = parsed(
      refundTransfersXml(
        batch([
          transfer({ name: "Jürgen Müßig & Söhne", remittance: "Rückerstattung Startgeld „Frühjahr“ 🏁" }),
          transfer({ endToEndId: "b", name: "ÖZTÜRK, Łukasz Dvořák", remittance: "Ærøskøbing <Tour>" }),
        ]),
      ),
    );
    expect(txs.map((t) => t.Cdtr.Nm)).toEqual(["Juergen Muessig + Soehne", "OEZTUERK, Lukasz Dvorak"]);
    expect(txs.map((t) => t.RmtInf.Ustrd)).toEqual(["Rueckerstattung Startgeld Fruehjahr", "Aeroeskoebing Tour"]);
  });

  it("cuts names to 70 and remittance to 140 characters", () => {
    const { txs } = parsed(
      refundTransfersXml(batch([transfer({ name: "Ä".repeat(50), remittance: "x".repeat(200) })])),
    );
    expect(txs[0]!.Cdtr.Nm).toBe("AE".repeat(35));
    expect(txs[0]!.RmtInf.Ustrd).toHaveLength(140);
  });

  it("always gives text within the set and the length", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), fc.integer({ min: 1, max: 140 }), (text, max) => {
        const clean = sepaText(text, max);
        expect(clean).toMatch(/^[A-Za-z0-9/\-?:().,'+ ]*$/);
        expect(clean.length).toBeLessThanOrEqual(max);
        expect(clean).toBe(clean.trim());
      }),
    );
  });
});

describe("refusals", () => {
  const refused = (b: RefundBatch) => () => refundTransfersXml(b);

  it("refuses an empty list", () => {
    expect(refused(batch([]))).toThrow(/at least one transfer/);
  });

  it("refuses an invalid IBAN, naming the transfer", () => {
    expect(refused(batch([transfer(), transfer({ endToEndId: "b", iban: "DE89370400440532013001" })]))).toThrow(
      'Transfer 2 (b) has an invalid IBAN: "DE89370400440532013001"',
    );
    expect(refused(batch([transfer({ iban: "DE89" })]))).toThrow(/invalid IBAN/);
    expect(refused(batch([transfer()], { debtor: { name: "Club", iban: "DE00123", bic: null } }))).toThrow(
      /Debtor has an invalid IBAN/,
    );
  });

  it("refuses amounts that are not whole positive cents", () => {
    for (const cents of [0, -100, 12.5, Number.NaN, 100_000_000_000]) {
      expect(refused(batch([transfer({ cents })]))).toThrow(/whole cents/);
    }
  });

  it("refuses the same end-to-end id twice, which would pay a refund twice", () => {
    expect(refused(batch([transfer(), transfer()]))).toThrow(/appears twice/);
  });

  it("refuses ids outside the SEPA set or too long, a name with no usable letters, a bad date or BIC", () => {
    expect(refused(batch([transfer({ endToEndId: "Rück-1" })]))).toThrow(/end-to-end id must be/);
    expect(refused(batch([transfer()], { messageId: "M".repeat(36) }))).toThrow(/Message id must be/);
    expect(refused(batch([transfer({ name: "李小龍" })]))).toThrow(/name has no characters/);
    expect(refused(batch([transfer()], { executionDate: "2026-02-30" }))).toThrow(/Invalid execution date/);
    expect(refused(batch([transfer({ bic: "COBA" })]))).toThrow(/invalid BIC/);
    // A German BIC for a Dutch account: the package's own check, passed on.
    expect(refused(batch([transfer({ iban: IBANS[3], bic: "COBADEFFXXX" })]))).toThrow(/SEPA file refused: country/);
  });
});
