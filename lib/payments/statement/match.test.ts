import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatReference, newReference, referencesIn } from "../reference";
import { matchStatement, namesMatch, type OpenItem } from "./match";
import type { StatementLine } from "./types";

const seeded = (seed: number) => () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};
const random = seeded(7);
const [REF_A, REF_B, REF_C] = [newReference(random), newReference(random), newReference(random)];

const line = (over: Partial<StatementLine>): StatementLine => ({
  key: "k",
  bookedOn: "2024-05-02",
  cents: 4500,
  currency: "EUR",
  remittance: "",
  name: "",
  iban: null,
  ...over,
});

const OPEN: OpenItem[] = [
  { registrationId: "a", reference: REF_A, dueCents: 4500, names: ["Hans Müller"] },
  { registrationId: "b", reference: formatReference(REF_B), dueCents: 4500, names: ["Erika Muster", "Max Muster"] },
  { registrationId: "c", reference: REF_C, dueCents: 6000, names: ["Max Muster"] },
];

describe("namesMatch", () => {
  it("ignores case, accents, umlaut spellings, commas and order", () => {
    expect(namesMatch("Müller, Hans", "Hans Mueller")).toBe(true);
    expect(namesMatch("HANS MULLER", "Müller, Hans")).toBe(true);
    expect(namesMatch("José  García", "garcia jose")).toBe(true);
    expect(namesMatch("Hans Müller", "Hans Peter Müller")).toBe(false);
    expect(namesMatch("", "")).toBe(false);
    expect(namesMatch("  ,", ", ")).toBe(false);
  });
});

describe("matchStatement", () => {
  it("matches by a reference typed in any spacing and case, whatever the amount and name", () => {
    const [result] = matchStatement(
      [line({ remittance: `Startgeld ${formatReference(REF_B).toLowerCase()}`, cents: 3000 })],
      OPEN,
    );
    expect(result).toMatchObject({
      status: "matched",
      by: "reference",
      registrationId: "b",
      candidates: ["b"],
      fit: "partial",
    });
  });

  it("falls back to the amount and the payer's name", () => {
    const [byName, twoOpen] = matchStatement(
      [line({ name: "MUELLER, HANS", remittance: "Startgeld" }), line({ name: "Muster, Max", cents: 4500 })],
      OPEN,
    );
    const [noName] = matchStatement([line({ name: "Someone Else" })], OPEN);
    expect(byName).toMatchObject({ status: "matched", by: "amount-name", registrationId: "a", fit: "exact" });
    expect(twoOpen).toMatchObject({ status: "matched", registrationId: "b" });
    expect(noName).toEqual({
      line: expect.anything(),
      status: "unmatched",
      candidates: ["a", "b"],
      reason: "no-match",
    });
  });

  it("reports several fitting registrations as ambiguous", () => {
    const open = [
      ...OPEN,
      { registrationId: "d", reference: newReference(random), dueCents: 4500, names: ["Hans Müller"] },
    ];
    expect(matchStatement([line({ name: "Hans Müller" })], open)[0]).toMatchObject({
      status: "ambiguous",
      candidates: ["a", "d"],
      reason: "several-candidates",
    });
    expect(matchStatement([line({ remittance: `${REF_A} ${REF_C}` })], OPEN)[0]).toMatchObject({
      status: "ambiguous",
      candidates: ["a", "c"],
      reason: "several-references",
    });
  });

  it("leaves other currencies to a person", () => {
    expect(matchStatement([line({ currency: "CHF", remittance: REF_A })], OPEN)[0]).toMatchObject({
      status: "unmatched",
      candidates: [],
      reason: "not-eur",
    });
  });

  it("measures the fit against what earlier lines in the file left outstanding", () => {
    const results = matchStatement(
      [
        line({ remittance: REF_C, cents: 2000 }),
        line({ remittance: REF_C, cents: 4000 }),
        line({ remittance: REF_C, cents: 100 }),
        line({ remittance: REF_A, cents: 5000 }),
      ],
      [...OPEN.slice(0, 2), { ...OPEN[2]!, dueCents: 6000 }],
    );
    expect(results.map((r) => (r.status === "matched" ? r.fit : r.status))).toEqual([
      "partial",
      "exact",
      "over",
      "over",
    ]);
  });

  it("does not match by amount once earlier lines have paid the registration", () => {
    const [first, second] = matchStatement([line({ name: "Hans Müller" }), line({ name: "Hans Müller" })], OPEN);
    expect(first).toMatchObject({ status: "matched", registrationId: "a" });
    expect(second).toMatchObject({ status: "unmatched", candidates: ["b"] });
  });
});

const NAMES = ["Hans Müller", "Erika Muster", "Jo Bloggs", "Ana Núñez", "Li Wei"];
const arbOpen = fc
  .uniqueArray(fc.integer({ min: 0, max: 2 ** 31 - 1 }), { minLength: 1, maxLength: 6 })
  .chain((seeds) =>
    fc.tuple(
      ...seeds.map((seed, i) =>
        fc.record({
          registrationId: fc.constant(`r${i}`),
          reference: fc.constant(newReference(seeded(seed + 1))),
          dueCents: fc.constantFrom(0, 4500, 6000),
          names: fc.subarray(NAMES, { maxLength: 2 }),
        }),
      ),
    ),
  )
  .filter((items) => new Set(items.map((item) => item.reference)).size === items.length);

const arbLine = (open: OpenItem[]) =>
  fc
    .record({
      cents: fc.constantFrom(2000, 4500, 6000),
      currency: fc.constantFrom("EUR", "EUR", "EUR", "USD"),
      name: fc.constantFrom("", ...NAMES, "MUELLER, HANS", "Someone"),
      refs: fc.subarray(
        open.map((item) => item.reference),
        { maxLength: Math.min(2, open.length) },
      ),
      noise: fc.string({ maxLength: 20 }),
    })
    .map(({ refs, noise, ...rest }) => line({ ...rest, remittance: `${noise} ${refs.join(" ")}` }));

describe("matchStatement properties", () => {
  it("gives every line exactly one result, in order", () => {
    fc.assert(
      fc.property(
        arbOpen.chain((open) => fc.tuple(fc.constant(open), fc.array(arbLine(open), { maxLength: 12 }))),
        ([open, lines]) => {
          const results = matchStatement(lines, open);
          return results.length === lines.length && results.every((result, i) => result.line === lines[i]);
        },
      ),
    );
  });

  it("always matches a line carrying one open reference to its registration", () => {
    fc.assert(
      fc.property(arbOpen, fc.nat(), fc.string({ maxLength: 20 }), fc.boolean(), (open, pick, noise, lower) => {
        const item = open[pick % open.length]!;
        const typed = lower ? formatReference(item.reference).toLowerCase() : item.reference;
        const [result] = matchStatement([line({ remittance: `${noise} ${typed} .`, name: "Someone" })], open);
        return (
          result?.status === "matched" && result.by === "reference" && result.registrationId === item.registrationId
        );
      }),
    );
  });

  it("never assigns a line to a registration whose reference and names both differ", () => {
    fc.assert(
      fc.property(
        arbOpen.chain((open) => fc.tuple(fc.constant(open), fc.array(arbLine(open), { maxLength: 12 }))),
        ([open, lines]) =>
          matchStatement(lines, open).every((result) => {
            if (result.status !== "matched") return true;
            const item = open.find((o) => o.registrationId === result.registrationId)!;
            const referenced = referencesIn(result.line.remittance).includes(item.reference);
            return referenced || item.names.some((name) => namesMatch(name, result.line.name));
          }),
      ),
    );
  });
});
