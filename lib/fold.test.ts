import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldForSearch } from "./fold";

// Names as people at a German gate write them: Latin letters with and without accents, the
// German ones, a few from the neighbours, spaces, hyphens and apostrophes.
const nameChar = fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzäöüßáàâéèêëíìîïóòôõúùûçñåæøœłšžčřýÿ -'’".split(""));
const name = fc.array(nameChar, { maxLength: 16 }).map((chars) => chars.join(""));
const anyText = fc.oneof(fc.string({ unit: "grapheme", maxLength: 16 }), fc.string({ unit: "binary", maxLength: 16 }));
const fold = foldForSearch;

describe("folding names for search", () => {
  it("folds accents, umlauts and German transliterations together", () => {
    for (const [a, b] of [
      ["Müller", "muller"],
      ["Müller", "mueller"],
      ["MÜLLER", "Mueller"],
      ["Straße", "strasse"],
      ["STRASSE", "straße"],
      ["Jürgen", "juergen"],
      ["Gößmann", "goessmann"],
      ["Bräuer", "braeuer"],
      ["Zoë", "zoe"],
      ["José", "jose"],
      ["Ørsted", "orsted"],
      ["Łukasz", "lukasz"],
    ]) {
      expect(fold(a!), `${a} ~ ${b}`).toBe(fold(b!));
    }
    expect(fold("Müller")).toBe("muller");
    expect(fold("Straße")).toBe("strasse");
  });

  it("reads punctuation as a space and drops apostrophes", () => {
    expect(fold("  Meyer-Lansky,  Anna ")).toBe("meyer lansky anna");
    expect(fold("O'Brien")).toBe(fold("obrien"));
    expect(fold("Stefan S.")).toBe("stefan s");
  });

  it("is idempotent, for any text at all", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(fold(fold(text))).toBe(fold(text));
      }),
      { numRuns: 2000 },
    );
  });

  it("ignores case", () => {
    fc.assert(
      fc.property(name, (text) => {
        expect(fold(text.toUpperCase())).toBe(fold(text));
        expect(fold(text.toLowerCase())).toBe(fold(text));
      }),
      { numRuns: 2000 },
    );
  });

  it("gives the same for an umlaut and its transliteration, anywhere in a name", () => {
    const spellings = fc.constantFrom(
      ["ä", "ae", "a"],
      ["ö", "oe", "o"],
      ["ü", "ue", "u"],
      ["Ü", "UE", "U"],
      ["ß", "ss", "SS"],
    );
    fc.assert(
      fc.property(name, spellings, name, (before, [letter, spelt, plain], after) => {
        expect(fold(before + spelt + after)).toBe(fold(before + letter + after));
        expect(fold(before + plain + after)).toBe(fold(before + letter + after));
      }),
      { numRuns: 2000 },
    );
  });

  it("folds a name's beginning to the beginning of the folded name, so typing narrows the list", () => {
    fc.assert(
      fc.property(name, fc.nat(), (text, cut) => {
        const typed = text.slice(0, cut % (text.length + 1));
        expect(fold(text).startsWith(fold(typed))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
