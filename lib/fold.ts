/**
 * Letters that Unicode decomposition leaves whole, spelt as a keyboard without them would. The
 * final sigma joins σ because lower-casing picks one or the other by its place in the word.
 */
const LETTERS: Record<string, string> = {
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ø: "o",
  ł: "l",
  đ: "d",
  ð: "d",
  þ: "th",
  ı: "i",
  ς: "σ",
};

/**
 * A name or query as search compares it: lower case, accents dropped, German transliterations
 * merged, punctuation as spaces. "Müller", "Muller" and "MUELLER" all give "muller", "Straße"
 * and "strasse" give "strasse", "O'Brien" gives "obrien". ä/ö/ü fold to a/o/u and so do ae/oe/ue
 * (hence "michael" → "michal"): both sides of a comparison are folded, so a person finds the
 * name however they typed it. A prefix of a name folds to a prefix of the folded name, so the
 * list narrows as they type. Pure, and the same in the browser and on the server.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize("NFKD")
    .toLowerCase()
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/['‘’ʼ`]/gu, "")
    .replace(/[ßæœøłđðþıς]/gu, (c) => LETTERS[c] ?? c)
    .replace(/([aou])e+/g, "$1")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
