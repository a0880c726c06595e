import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatReference, isValidReference, newReference } from "../reference";
import { parseStatement } from "./index";
import { matchStatement, type OpenItem } from "./match";
import { sampleCamt053, sampleStatementCsv, type SampleCredit } from "./sample";

const ACCOUNT = { iban: "DE02120300000000202051", bic: "BYLADEM1001", holder: "Oldtimerfreunde Süd e.V." };
const CREATED_AT = new Date("2024-05-31T16:00:00Z");
const camt = (credits: SampleCredit[]) =>
  sampleCamt053({ account: ACCOUNT, credits, statementId: "STMT-2024-05", createdAt: CREATED_AT });

const expected = (credits: SampleCredit[]) =>
  credits.map((c) => ({
    bookedOn: c.bookedOn,
    cents: c.cents,
    currency: "EUR",
    remittance: c.remittance,
    name: c.name,
    iban: c.iban ?? null,
  }));
const withoutKeys = (lines: { key: string }[]) => lines.map(({ key: _key, ...line }) => line);

const FRAGMENTS = [
  "a",
  "Z",
  "7",
  "ä",
  "ß",
  "é",
  "€",
  " ",
  "  ",
  "&",
  "<",
  ">",
  '"',
  "'",
  ";",
  ",",
  "&amp;",
  "&#65;",
  "RF18",
  "\t",
];
const arbText = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 12 }).map((parts) => parts.join("").trim());
const arbCredit: fc.Arbitrary<SampleCredit> = fc.record(
  {
    bookedOn: fc
      .integer({ min: 0, max: 3650 })
      .map((d) => new Date(Date.UTC(2020, 0, 1 + d)).toISOString().slice(0, 10)),
    cents: fc.integer({ min: 1, max: 10 ** 9 }),
    remittance: arbText,
    name: arbText,
    iban: fc.stringMatching(/^DE\d{20}$/),
  },
  { requiredKeys: ["bookedOn", "cents", "remittance", "name"] },
);

describe("sample statements", () => {
  it("parse back to exactly the credits they were made from, in camt.053 and in CSV", () => {
    fc.assert(
      fc.property(fc.array(arbCredit, { maxLength: 8 }), (credits) => {
        expect(withoutKeys(parseStatement("statement.xml", camt(credits)))).toEqual(expected(credits));
        expect(withoutKeys(parseStatement("umsaetze.csv", sampleStatementCsv(credits)))).toEqual(expected(credits));
      }),
      { numRuns: 200 },
    );
  });

  it("escapes names for XML and carries a bank fee and matching balances", () => {
    const credits = [{ bookedOn: "2024-05-02", cents: 4500, remittance: "Startgeld <1M>", name: "O'Brien & Söhne" }];
    const xml = camt(credits);
    expect(xml).toContain("<Nm>O&apos;Brien &amp; Söhne</Nm>");
    expect(xml).toContain("<CdtDbtInd>DBIT</CdtDbtInd>");
    expect(xml).toMatch(/<Cd>CLBD<\/Cd><\/CdOrPrtry><\/Tp><Amt Ccy="EUR">1289\.10<\/Amt>/);
    expect(withoutKeys(parseStatement("s.xml", xml))).toEqual(expected(credits));
    expect(sampleStatementCsv(credits)).toContain("Kontoführungsentgelt 05/2024;-5,90;EUR\r\n");
  });
});

/** A repeatable `random` so the scenario below is the same file on every run. */
const seeded = (seed: number) => () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};

const FIRST = ["Hans", "Erika", "Jürgen", "Anna", "Klaus", "Petra", "Uwe", "Sabine", "Jörg", "Monika"];
const LAST = ["Müller", "Schmidt", "Schäfer", "Weiß", "Köhler", "Groß", "Bauer", "Wagner", "Becker", "Hoffmann"];
const first = (i: number) => FIRST[i % 10]!;
// Word order does not count in names ("Schmidt-Schäfer" is "Schäfer-Schmidt"), so the second halves are new words.
const SECOND = ["", "Lange", "Krause"];
const last = (i: number) => [LAST[Math.floor(i / 10) % 10]!, SECOND[Math.floor(i / 100)]].filter(Boolean).join("-");

/** One character of the random part swapped for another of its kind, which mod 97 always catches. */
function typo(reference: string, i: number): string {
  const at = 6 + (i % 8);
  const kind = /\d/.test(reference[at]!) ? "23456789" : "ABCDEFGHJKLMNPQRSTUVWXYZ";
  const other = kind[(kind.indexOf(reference[at]!) + 1) % kind.length]!;
  return reference.slice(0, at) + other + reference.slice(at + 1);
}

/** 300 registrations paid by 301 transfers: 15 with a typo (10 payers recognisable by name), one sent twice. */
function scenario() {
  const random = seeded(2024);
  const open: OpenItem[] = Array.from({ length: 300 }, (_, i) => ({
    registrationId: `reg-${i}`,
    reference: newReference(random),
    dueCents: i % 3 === 0 ? 6000 : 4500,
    names: [`${first(i)} ${last(i)}`],
  }));
  let typos = 0;
  const credits: SampleCredit[] = open.map((item, i) => {
    const bank = { bookedOn: `2024-05-${String(1 + (i % 28)).padStart(2, "0")}`, cents: item.dueCents };
    const bankName = i % 2 ? item.names[0]! : `${last(i).toUpperCase()}, ${first(i).toUpperCase()}`;
    if (i % 20 === 7) {
      const name = typos++ < 10 ? bankName : `Kontoinhaber ${i}`;
      return { ...bank, name, remittance: `Startgeld ${typo(item.reference, i)}` };
    }
    const spaced = i % 7 === 1 ? formatReference(item.reference) : item.reference;
    const remittance = i % 11 === 2 ? `rf ${spaced.slice(2).toLowerCase()} sommertreffen` : `Startgeld ${spaced}`;
    return { ...bank, name: bankName, remittance, iban: `DE${String(10 ** 19 + i)}` };
  });
  credits.splice(43, 0, credits[42]!);
  return { open, credits };
}

describe("a month of entry fees", () => {
  const { open, credits } = scenario();

  it("has the typos it claims: changed references that are no longer valid", () => {
    const typoed = credits.filter(
      (c) => /Startgeld RF\S+$/.test(c.remittance) && !isValidReference(c.remittance.slice(10)),
    );
    expect(typoed).toHaveLength(15);
  });

  it.each([
    ["camt.053", "statement.xml", camt(credits)],
    ["CSV", "umsaetze.csv", sampleStatementCsv(credits)],
  ])("is parsed and matched with the expected counts from %s", (_format, fileName, content) => {
    const lines = parseStatement(fileName, content);
    expect(lines).toHaveLength(301);
    expect(new Set(lines.map((l) => l.key)).size).toBe(301);
    expect(parseStatement(fileName, content).map((l) => l.key)).toEqual(lines.map((l) => l.key));

    const results = matchStatement(lines, open);
    const count = (predicate: (r: (typeof results)[number]) => boolean) => results.filter(predicate).length;
    expect(count((r) => r.status === "matched" && r.by === "reference")).toBe(286);
    expect(count((r) => r.status === "matched" && r.by === "amount-name")).toBe(10);
    expect(count((r) => r.status === "unmatched")).toBe(5);
    expect(count((r) => r.status === "ambiguous")).toBe(0);
    expect(count((r) => r.status === "matched" && r.fit === "over")).toBe(1);
    expect(results[43]).toMatchObject({ status: "matched", registrationId: "reg-42", fit: "over" });

    for (const [i, result] of results.entries()) {
      const intended = `reg-${i <= 42 ? i : i - 1}`;
      if (result.status === "matched") expect(result.registrationId).toBe(intended);
      else expect(result.candidates).toContain(intended);
    }
  });
});
