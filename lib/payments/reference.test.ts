import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatReference, isValidReference, newReference, normaliseReference, referencesIn } from "./reference";

const DIGITS = "0123456789";
const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** A repeatable `random` for newReference, drawn by fast-check so failures shrink and replay. */
const arbReference = fc
  .array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 8, maxLength: 8 })
  .map((draws) => {
    let i = 0;
    return newReference(() => draws[i++]!);
  });

/** Spreads a reference over random whitespace and case, as payers type it. */
const arbTyped = (ref: string) =>
  fc
    .tuple(
      fc.array(fc.constantFrom("", "", "", " ", "  ", "\t"), { minLength: ref.length, maxLength: ref.length }),
      fc.array(fc.boolean(), { minLength: ref.length, maxLength: ref.length }),
    )
    .map(([gaps, lower]) =>
      [...ref].map((c, i) => (lower[i] ? c.toLowerCase() : c) + (i < ref.length - 1 ? gaps[i] : "")).join(""),
    );

describe("newReference", () => {
  it("has our shape: RF, check digits, RM and 8 unambiguous characters", () => {
    for (let i = 0; i < 50; i++) expect(newReference()).toMatch(/^RF\d{2}RM[2-9A-HJ-NP-Z]{8}$/);
  });

  it("is always check-digit valid", () => {
    fc.assert(fc.property(arbReference, (ref) => isValidReference(ref)));
    for (let i = 0; i < 200; i++) expect(isValidReference(newReference())).toBe(true);
  });

  it("survives a random source that returns its upper bound", () => {
    expect(isValidReference(newReference(() => 1))).toBe(true);
    expect(newReference(() => 0)).toMatch(/RM22222222$/);
  });
});

describe("isValidReference", () => {
  it("accepts the ISO 11649 specimen and rejects its neighbours", () => {
    expect(isValidReference("RF18 5390 0754 7034")).toBe(true);
    expect(isValidReference("rf18539007547034")).toBe(true);
    expect(isValidReference("RF18539007547035")).toBe(false);
    expect(isValidReference("RF19539007547034")).toBe(false);
  });

  it("rejects wrong shapes", () => {
    for (const s of ["", "RF", "RF18", "RF1A5390", "XX18539007547034", "RF18-5390", "RF18ÄBC", "RF" + "1".repeat(24)]) {
      expect(isValidReference(s)).toBe(false);
    }
  });

  it("rejects the check digits 00, 01 and 99, which mod 97 cannot tell from 97, 98 and 02", () => {
    const ref = newReference(() => 0.5);
    const body = ref.slice(4);
    const valid = ["00", "01", "99"].filter((c) => isValidReference(`RF${c}${body}`));
    expect(valid).toEqual([]);
  });

  // Mod 97 catches every substitution of a digit for a digit or a letter for a letter. Swapping a
  // letter (two digits in mod 97) for a digit shifts the rest, so that is caught 96 times in 97.
  it("turns invalid under any same-kind single-character substitution", () => {
    fc.assert(
      fc.property(arbReference, fc.nat(), fc.nat(), (ref, at, pick) => {
        const i = at % ref.length;
        const kind = DIGITS.includes(ref[i]!) ? DIGITS : LETTERS;
        const others = [...kind].filter((c) => c !== ref[i]);
        const typo = ref.slice(0, i) + others[pick % others.length] + ref.slice(i + 1);
        return !isValidReference(typo);
      }),
      { numRuns: 2000 },
    );
  });

  it("turns invalid under every same-kind substitution of one sample, exhaustively", () => {
    const ref = newReference();
    for (let i = 0; i < ref.length; i++) {
      const kind = DIGITS.includes(ref[i]!) ? DIGITS : LETTERS;
      for (const c of kind) {
        if (c !== ref[i]) expect(isValidReference(ref.slice(0, i) + c + ref.slice(i + 1))).toBe(false);
      }
    }
  });
});

describe("normaliseReference and formatReference", () => {
  it("strips whitespace, upper-cases and groups by four", () => {
    expect(normaliseReference(" rf18 rm7k\t4q9x 2a\n")).toBe("RF18RM7K4Q9X2A");
    expect(formatReference("rf18rm7k4q9x2a")).toBe("RF18 RM7K 4Q9X 2A");
    expect(formatReference("RF18 5390 0754 7034")).toBe("RF18 5390 0754 7034");
  });

  it("round-trips: formatting then normalising gives the reference back", () => {
    fc.assert(fc.property(arbReference, (ref) => normaliseReference(formatReference(ref)) === ref));
  });
});

describe("referencesIn", () => {
  const ref = newReference(() => 0.3);

  it("finds a reference inside longer text, spaced, lower-cased or glued to punctuation", () => {
    expect(referencesIn(`Startgeld 1M Treffen ${ref} Müller`)).toContain(ref);
    expect(referencesIn(`startgeld ${formatReference(ref).toLowerCase()}`)).toContain(ref);
    expect(referencesIn(`Ref.${ref}/Hans`)).toContain(ref);
    expect(referencesIn(`Nr${ref}`)).toContain(ref);
  });

  it("returns only check-digit-valid references, each once", () => {
    const typo = ref.slice(0, 6) + (ref[6] === "A" ? "B" : "A") + ref.slice(7);
    expect(referencesIn(`${typo} ${ref} ${ref.toLowerCase()}`)).toEqual([ref]);
    expect(referencesIn("RF00 nothing here, RF99")).toEqual([]);
  });

  it("does not run a reference into the next word across punctuation", () => {
    expect(referencesIn(`${ref.slice(0, 8)}-${ref.slice(8)}`)).not.toContain(ref);
  });

  it("finds a reference embedded with random spaces and case in random text", () => {
    const noise = fc.string({ maxLength: 40 });
    fc.assert(
      fc.property(
        arbReference.chain((r) => fc.tuple(fc.constant(r), arbTyped(r), noise, noise)),
        ([r, typed, before, after]) => referencesIn(`${before} ${typed} ${after}`).includes(r),
      ),
      { numRuns: 500 },
    );
  });

  it("never throws and returns only valid references on arbitrary text", () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (text) => referencesIn(text).every(isValidReference)));
  });
});
