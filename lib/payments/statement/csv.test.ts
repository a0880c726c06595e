import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCsvAmount, parseCsvDate, parseStatementCsv } from "./csv";
import { StatementError } from "./types";

const withoutKeys = (text: string) => parseStatementCsv(text).map(({ key: _key, ...line }) => line);

const errorOf = (text: string) => {
  try {
    parseStatementCsv(text);
  } catch (error) {
    return error;
  }
};

describe("parseStatementCsv", () => {
  it("reads a German export: BOM, account lines above the header, ';', decimal comma, debits left out", () => {
    const csv = [
      "\uFEFFKonto;DE02120300000000202051",
      "Zeitraum;01.05.2024 - 31.05.2024",
      "",
      'Buchungstag;Valutadatum;Auftraggeber;Verwendungszweck;"Betrag (EUR)";Währung',
      '02.05.2024;02.05.2024;Müller, Hans;"Startgeld; RF18 RM7K 4Q9X 2A";1.234,50;EUR',
      "03.05.24;03.05.24;Stadtwerke;Abschlag;-45,00;EUR",
      ";;;;;",
      "04.05.2024;04.05.2024;Erika Muster;Nenngeld;45,00-;EUR",
      "05.05.2024;05.05.2024;Erika Muster;Nenngeld;45;",
    ].join("\r\n");
    expect(withoutKeys(csv)).toEqual([
      {
        bookedOn: "2024-05-02",
        cents: 123450,
        currency: "EUR",
        remittance: "Startgeld; RF18 RM7K 4Q9X 2A",
        name: "Müller, Hans",
        iban: null,
      },
      {
        bookedOn: "2024-05-05",
        cents: 4500,
        currency: "EUR",
        remittance: "Nenngeld",
        name: "Erika Muster",
        iban: null,
      },
    ]);
  });

  it("reads an English export with ',' and quoted thousands, headers in any case", () => {
    const csv =
      'DATE,Amount,Reference,Name,IBAN,Currency\n2024-05-02,"1,234.50",RF18539007547034,Jo Bloggs,gb82 west,usd\n';
    expect(withoutKeys(csv)).toEqual([
      {
        bookedOn: "2024-05-02",
        cents: 123450,
        currency: "USD",
        remittance: "RF18539007547034",
        name: "Jo Bloggs",
        iban: "GB82WEST",
      },
    ]);
    expect(withoutKeys("datum;betrag;VERWENDUNGSZWECK;Zahlungspflichtiger\n01.02.2024;45,00;x;y")).toHaveLength(1);
  });

  it("keys identical rows apart, and the same file the same way twice", () => {
    const csv = "Date;Amount;Reference;Name\n2024-05-02;45,00;x;A\n2024-05-02;45,00;x;A\n2024-05-02;45,00;y;A";
    const keys = parseStatementCsv(csv).map((line) => line.key);
    expect(new Set(keys).size).toBe(3);
    expect(keys[0]!.slice(0, -2)).toBe(keys[1]!.slice(0, -2));
    expect(parseStatementCsv(csv).map((line) => line.key)).toEqual(keys);
  });

  it("says which columns are missing", () => {
    const error = errorOf("Datum;Betrag;Verwendungszweck\n01.02.2024;45,00;x");
    expect(error).toBeInstanceOf(StatementError);
    expect(error).toMatchObject({ code: "missing-columns", message: expect.stringMatching(/name \("name" or/) });
    expect(errorOf("")).toMatchObject({ code: "missing-columns" });
    expect(errorOf("just some text\nmore")).toMatchObject({
      message: expect.stringMatching(/date .*amount .*reference .*name/),
    });
  });

  it("names the line whose amount or date cannot be read", () => {
    const head = "Datum;Betrag;Verwendungszweck;Name\n01.02.2024;45,00;x;y\n";
    expect(errorOf(`${head}01.02.2024;viel;x;y`)).toMatchObject({
      code: "bad-value",
      message: 'line 3: amount "viel" is not an amount',
    });
    expect(errorOf(`${head}31.02.2024;45,00;x;y`)).toMatchObject({
      code: "bad-value",
      message: expect.stringMatching(/^line 3: date "31.02.2024"/),
    });
  });

  it("throws only StatementError, whatever it is given", () => {
    const cell = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom("45,00", "01.02.2024", '"', "Betrag", "Datum"));
    const text = fc.oneof(
      fc.string(),
      fc
        .array(fc.array(cell, { maxLength: 5 }), { maxLength: 6 })
        .map((rows) => ["Datum;Betrag;Verwendungszweck;Name", ...rows.map((r) => r.join(";"))].join("\n")),
    );
    fc.assert(
      fc.property(text, (t) => {
        try {
          return parseStatementCsv(t).every((line) => line.cents > 0);
        } catch (error) {
          return error instanceof StatementError;
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe("parseCsvAmount", () => {
  it.each([
    ["45.00", 4500],
    ["45,00", 4500],
    ["45,5", 4550],
    ["45", 4500],
    ["1.234,50", 123450],
    ["1,234.50", 123450],
    ["1.234.567,89", 123456789],
    ["1.234", 123400],
    ["1'234.50", 123450],
    ["-45,00", -4500],
    ["45,00-", -4500],
    ["−45,00", -4500],
    ["+45,00", 4500],
    ["45,00 €", 4500],
    ["EUR 45.00", 4500],
    ["0,10", 10],
    ["0.29", 29],
    ["1 234,56", 123456],
  ])("%s → %i cents", (raw, cents) => expect(parseCsvAmount(raw)).toBe(cents));

  it.each(["", "abc", "45.", ",50", "1.23.45", "1,234,5.00", "1.234.50", "12,34,56", "4 5x", "1e3"])(
    "%s is not an amount",
    (raw) => expect(parseCsvAmount(raw)).toBeNull(),
  );

  it("agrees with the decimal it was printed from, for any amount", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 11 }), (cents) => {
        const euros = `${Math.floor(cents / 100)}`;
        const fraction = String(cents % 100).padStart(2, "0");
        const german = `${euros.replace(/\B(?=(\d{3})+$)/g, ".")},${fraction}`;
        return parseCsvAmount(`${euros}.${fraction}`) === cents && parseCsvAmount(german) === cents;
      }),
    );
  });
});

describe("parseCsvDate", () => {
  it.each([
    ["2024-05-02", "2024-05-02"],
    ["02.05.2024", "2024-05-02"],
    ["2.5.2024", "2024-05-02"],
    ["29.02.24", "2024-02-29"],
    ["29.02.2023", null],
    ["2024-13-01", null],
    ["05/02/2024", null],
    ["", null],
  ])("%s → %s", (raw, iso) => expect(parseCsvDate(raw)).toBe(iso));
});
