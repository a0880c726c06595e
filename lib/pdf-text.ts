// The built-in PDF fonts (Helvetica) print WinAnsi only: names from across Europe are mapped to it first.

/** Characters the standard fonts can show (WinAnsi): ASCII, Latin-1 and a few typographic marks. */
const WIN_ANSI = /^[\n\x20-\x7e\xa0-\xff€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]$/u;
const NEAREST: Record<string, string> = {
  Ł: "L", ł: "l", Đ: "D", đ: "d", ı: "i", ẞ: "SS", "−": "-", "\t": " ", "\u2009": " ", "\u202f": "\u00a0",
  "\u2007": "\u00a0",
}; // prettier-ignore

/**
 * Text the built-in Helvetica can print. It has no glyphs beyond WinAnsi, and pdfkit garbles the
 * rest of a line after one such character, so a "Łukasz" or a French thin space is mapped first.
 */
export function pdfText(text: string): string {
  return Array.from(text.normalize("NFC").replace(/\r\n?/g, "\n"), (c) => {
    if (WIN_ANSI.test(c)) return c;
    if (NEAREST[c]) return NEAREST[c];
    const bare = c.normalize("NFD").replace(/\p{M}/gu, "");
    return bare && Array.from(bare).every((b) => WIN_ANSI.test(b)) ? bare : "?";
  }).join("");
}
