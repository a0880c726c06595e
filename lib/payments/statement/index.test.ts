import { describe, expect, it } from "vitest";
import { parseStatement, StatementError } from "./index";
import { sampleCamt053, sampleStatementCsv } from "./sample";

const credits = [{ bookedOn: "2024-05-02", cents: 4500, remittance: "RF18539007547034", name: "Hans Müller" }];
const XML = sampleCamt053({
  account: { iban: "DE02120300000000202051", bic: "BYLADEM1001", holder: "Club" },
  credits,
  statementId: "S1",
  createdAt: new Date("2024-05-31T16:00:00Z"),
});
const CSV = sampleStatementCsv(credits);

const errorOf = (fileName: string, content: string) => {
  try {
    parseStatement(fileName, content);
  } catch (error) {
    return error;
  }
};

describe("parseStatement", () => {
  it("reads XML as camt.053 and anything else as CSV, whatever the file is called", () => {
    expect(parseStatement("export.csv", `\uFEFF \n${XML}`)[0]!.key).toMatch(/^ref:/);
    expect(parseStatement("statement.xml", CSV)[0]!.key).toMatch(/^sha:/);
    expect(parseStatement("", CSV)).toHaveLength(1);
  });

  it("tells the organiser what to export instead of a format it cannot read", () => {
    expect(errorOf("Kontoauszug.PDF", "%PDF-1.7 …")).toMatchObject({
      code: "unsupported-format",
      message: /^PDF files/,
    });
    expect(errorOf("umsaetze.xlsx", "PK\u0003\u0004")).toMatchObject({ code: "unsupported-format" });
    expect(errorOf("umsaetze.sta", ":20:STARTUMS")).toMatchObject({ message: /^MT940 files/ });
    expect(errorOf("upload", "PK\u0003\u0004\u0000\u0000")).toMatchObject({ message: /not a text file/ });
    expect(errorOf("upload.csv", " \n\uFEFF")).toBeInstanceOf(StatementError);
    expect(errorOf("upload.csv", "")).toMatchObject({ code: "malformed", message: "the file is empty" });
  });
});
