import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCamt053 } from "./camt053";
import { sampleCamt053 } from "./sample";
import { StatementError } from "./types";

/** camt.053.001.02 as German banks sent it for years: plain Sts, Dbtr/Nm, TxAmt inside AmtDtls. */
const V02 = `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
 <BkToCstmrStmt><GrpHdr><MsgId>M1</MsgId><CreDtTm>2024-05-31T18:00:00</CreDtTm></GrpHdr>
  <Stmt><Id>S1</Id><Acct><Id><IBAN>DE02 1203 0000 0000 2020 51</IBAN></Id><Ccy>EUR</Ccy></Acct>
   <Ntry><Amt Ccy="EUR">45.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
    <BookgDt><Dt>2024-05-02</Dt></BookgDt><AcctSvcrRef>A-1</AcctSvcrRef>
    <NtryDtls><TxDtls><RltdPties><Dbtr><Nm>O&apos;Brien &amp; S&#246;hne</Nm></Dbtr>
     <DbtrAcct><Id><IBAN>de89 3704 0044 0532 0130 00</IBAN></Id></DbtrAcct></RltdPties>
     <RmtInf><Ustrd>Startgeld RF18RM7K</Ustrd><Ustrd>4Q9X2A Treffen</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
   <Ntry><Amt Ccy="EUR">99.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
    <BookgDt><DtTm>2024-05-03T23:30:00+02:00</DtTm></BookgDt><AcctSvcrRef>A-2</AcctSvcrRef>
    <NtryDtls><Btch><NbOfTxs>2</NbOfTxs></Btch>
     <TxDtls><Refs><AcctSvcrRef>T-1</AcctSvcrRef></Refs><AmtDtls><TxAmt><Amt Ccy="EUR">54.00</Amt></TxAmt></AmtDtls>
      <RltdPties><Dbtr><Nm>Erika Muster</Nm></Dbtr></RltdPties>
      <RmtInf><Strd><CdtrRefInf><Ref>RF18539007547034</Ref></CdtrRefInf></Strd></RmtInf></TxDtls>
     <TxDtls><AmtDtls><TxAmt><Amt Ccy="EUR">45</Amt></TxAmt></AmtDtls><RmtInf><Ustrd>second</Ustrd></RmtInf></TxDtls>
    </NtryDtls></Ntry>
   <Ntry><Amt Ccy="EUR">45.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>PDNG</Sts><BookgDt><Dt>2024-05-04</Dt></BookgDt></Ntry>
   <Ntry><Amt Ccy="EUR">12.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2024-05-04</Dt></BookgDt></Ntry>
   <Ntry><Amt Ccy="EUR">12.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><RvslInd>true</RvslInd><Sts>BOOK</Sts>
    <BookgDt><Dt>2024-05-04</Dt></BookgDt></Ntry>
   <Ntry><Amt Ccy="CHF">1234.5</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2024-05-05</Dt></BookgDt>
    <AddtlNtryInf>GUTSCHRIFT</AddtlNtryInf></Ntry>
  </Stmt></BkToCstmrStmt></Document>`;

/** A prefixed .08 document: Sts/Cd, Dbtr/Pty/Nm, TxDtls/Amt, and no bank ids at all. */
const v08 = (entries: string) => `<camt:Document xmlns:camt="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
<camt:BkToCstmrStmt><camt:Stmt><camt:Acct><camt:Id><camt:IBAN>DE02120300000000202051</camt:IBAN></camt:Id></camt:Acct>
${entries}</camt:Stmt></camt:BkToCstmrStmt></camt:Document>`;
const ENTRY_08 = `<camt:Ntry><camt:Amt Ccy="EUR">60.00</camt:Amt><camt:CdtDbtInd>CRDT</camt:CdtDbtInd>
<camt:Sts><camt:Cd>BOOK</camt:Cd></camt:Sts><camt:BookgDt><camt:Dt>2024-06-01</camt:Dt></camt:BookgDt>
<camt:NtryDtls><camt:TxDtls><camt:Refs><camt:EndToEndId>NOTPROVIDED</camt:EndToEndId></camt:Refs>
<camt:Amt Ccy="EUR">60.00</camt:Amt><camt:RltdPties><camt:Dbtr><camt:Pty><camt:Nm>Hans Müller</camt:Nm></camt:Pty></camt:Dbtr>
</camt:RltdPties><camt:RmtInf><camt:Ustrd>rf18 rm7k 4q9x 2a</camt:Ustrd></camt:RmtInf></camt:TxDtls></camt:NtryDtls></camt:Ntry>`;

const expectStatementError = (xml: string, code: string, message: RegExp) => {
  const error = (() => {
    try {
      parseCamt053(xml);
    } catch (e) {
      return e;
    }
  })();
  expect(error).toBeInstanceOf(StatementError);
  expect(error).toMatchObject({ code, message: expect.stringMatching(message) });
};

describe("parseCamt053", () => {
  it("reads booked credits of a .02 statement, one line per transaction", () => {
    const lines = parseCamt053(V02);
    expect(lines.map(({ key: _key, ...line }) => line)).toEqual([
      {
        bookedOn: "2024-05-02",
        cents: 4500,
        currency: "EUR",
        remittance: "Startgeld RF18RM7K 4Q9X2A Treffen",
        name: "O'Brien & Söhne",
        iban: "DE89370400440532013000",
      },
      {
        bookedOn: "2024-05-03",
        cents: 5400,
        currency: "EUR",
        remittance: "RF18539007547034",
        name: "Erika Muster",
        iban: null,
      },
      { bookedOn: "2024-05-03", cents: 4500, currency: "EUR", remittance: "second", name: "", iban: null },
      { bookedOn: "2024-05-05", cents: 123450, currency: "CHF", remittance: "GUTSCHRIFT", name: "", iban: null },
    ]);
  });

  it("keys lines by the bank's reference and the transaction's place in the entry", () => {
    expect(parseCamt053(V02).map((line) => line.key)).toEqual([
      "ref:DE02120300000000202051:A-1:0#0",
      "ref:DE02120300000000202051:T-1:0#0",
      "ref:DE02120300000000202051:A-2:1#0",
      expect.stringMatching(/^sha:[0-9a-f]{32}#0$/),
    ]);
  });

  it("reads a prefixed .08 document and keys identical transfers apart but repeatably", () => {
    const xml = v08(ENTRY_08 + ENTRY_08);
    const lines = parseCamt053(xml);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ cents: 6000, name: "Hans Müller", remittance: "rf18 rm7k 4q9x 2a" });
    expect(lines[0]!.key).not.toBe(lines[1]!.key);
    expect(lines[0]!.key.replace(/#0$/, "")).toBe(lines[1]!.key.replace(/#1$/, ""));
    expect(parseCamt053(xml).map((l) => l.key)).toEqual(lines.map((l) => l.key));
  });

  it("rejects what is not a camt.053 statement, saying what it found", () => {
    expectStatementError("hello", "malformed", /not well-formed XML/);
    expectStatementError("<Document><BkToCstmrStmt>", "malformed", /not well-formed/);
    expectStatementError(
      '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"><CstmrCdtTrfInitn/></Document>',
      "not-a-statement",
      /not a CAMT\.053 statement \(found Document holding CstmrCdtTrfInitn\)/,
    );
    expectStatementError("<html><body/></html>", "not-a-statement", /found html/);
    expectStatementError("<Document><BkToCstmrStmt/></Document>", "not-a-statement", /holds no statement/);
  });

  it("refuses entity declarations instead of expanding them", () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>
<Document><BkToCstmrStmt><Stmt><Ntry><Amt>&b;</Amt></Ntry></Stmt></BkToCstmrStmt></Document>`;
    expectStatementError(bomb, "malformed", /DOCTYPE/);
    const xxe = `<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><Document>&x;</Document>`;
    expectStatementError(xxe, "malformed", /DOCTYPE/);
  });

  it("leaves undeclared entities as written rather than resolving them", () => {
    const lines = parseCamt053(v08(ENTRY_08.replace("rf18 rm7k 4q9x 2a", "&nbsp;&#0;&#xD800;&amp;lt;")));
    expect(lines[0]!.remittance).toBe("&nbsp;&#0;&#xD800;&lt;");
  });

  it("names the entry whose amount or date cannot be read", () => {
    expectStatementError(v08(ENTRY_08.replace(/>60\.00</g, ">60,00<")), "bad-value", /entry 1: amount "60,00"/);
    expectStatementError(v08(ENTRY_08.replace(/>60\.00</g, ">1e3<")), "bad-value", /entry 1: amount/);
    expectStatementError(v08(ENTRY_08.replace("2024-06-01", "2024-02-30")), "bad-value", /entry 1: no booking date/);
    const batch = ENTRY_08.replace(/<camt:TxDtls>[\s\S]*<\/camt:TxDtls>/, (tx) =>
      (tx + tx).replace(/<camt:Amt [^/]*\/camt:Amt>/g, ""),
    );
    expectStatementError(v08(ENTRY_08 + batch), "bad-value", /entry 2: transaction 1 of 2 has no amount/);
  });

  it("throws only StatementError, whatever it is given", () => {
    const sample = sampleCamt053({
      account: { iban: "DE02120300000000202051", bic: "BYLADEM1001", holder: "Club" },
      credits: [{ bookedOn: "2024-05-02", cents: 4500, remittance: "RF18539007547034", name: "A" }],
      statementId: "S",
      createdAt: new Date("2024-05-31T16:00:00Z"),
    });
    const mutated = fc
      .tuple(fc.nat(sample.length), fc.nat(sample.length), fc.string({ maxLength: 12 }))
      .map(([from, to, insert]) => sample.slice(0, Math.min(from, to)) + insert + sample.slice(Math.max(from, to)));
    const onlyStatementErrors = (xml: string) => {
      try {
        return Array.isArray(parseCamt053(xml));
      } catch (error) {
        return error instanceof StatementError;
      }
    };
    fc.assert(
      fc.property(
        fc.oneof(mutated, fc.string(), fc.constantFrom("<__proto__/>", "<a><constructor/></a>")),
        onlyStatementErrors,
      ),
      {
        numRuns: 1000,
      },
    );
  });
});
