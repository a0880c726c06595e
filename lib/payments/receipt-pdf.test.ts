import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pdfPageCount, pdfToText } from "@/test/poppler";
import { pdfText } from "../pdf-text";
import { receiptPdf, type Receipt } from "./receipt-pdf";

const receipt = (over: Partial<Receipt> = {}): Receipt => ({
  title: "Quittung",
  number: "2026-0007",
  club: { name: "MSC Nürburgring e.V.", address: "Hauptstraße 1, 53520 Nürburg" },
  issuedOn: "14.03.2026",
  payer: "Jürgen Müßig",
  event: "1M Treffen Frühjahr 2026",
  lines: [
    { label: "Startgeld", amount: "120,00 €" },
    { label: "Session 1: Freies Fahren (Nordschleife)", amount: "45,00 €" },
  ],
  total: ["Gesamt", "165,00 €"],
  paid: [
    ["Überweisung 02.03.2026", "100,00 €"],
    ["Bar 14.03.2026", "65,00 €"],
  ],
  note: "Betrag dankend erhalten. Diese Quittung bestätigt die Zahlung eines Startgelds.",
  labels: { number: "Quittungsnummer", issuedOn: "Datum", payer: "Zahler", event: "Veranstaltung", paid: "Zahlungen" },
  footer: "Maschinell erstellt, ohne Unterschrift gültig.",
  ...over,
});

describe("the receipt PDF read back", () => {
  it("shows the club, number, date, payer, event, each charge, the total and the payments, umlauts intact", async () => {
    const text = pdfToText(await receiptPdf(receipt()));
    for (const part of [
      "MSC Nürburgring e.V.",
      "Hauptstraße 1, 53520 Nürburg",
      "Quittung",
      "Quittungsnummer: 2026-0007",
      "Datum: 14.03.2026",
      "Zahler: Jürgen Müßig",
      "Veranstaltung: 1M Treffen Frühjahr 2026",
      "Startgeld 120,00 €",
      "Session 1: Freies Fahren (Nordschleife) 45,00 €",
      "Gesamt 165,00 €",
      "Zahlungen Überweisung 02.03.2026 100,00 € Bar 14.03.2026 65,00 €",
      "Diese Quittung bestätigt die Zahlung eines Startgelds.",
      "Maschinell erstellt, ohne Unterschrift gültig.",
    ]) {
      expect(text).toContain(part);
    }
  });

  it("prints a name beyond the font's letters readably and keeps the rest of the line", async () => {
    const text = pdfToText(await receiptPdf(receipt({ payer: "Łukasz Dvořák (Ørsted)", issuedOn: "14 mars 2026" })));
    expect(text).toContain("Zahler: Lukasz Dvorák (Ørsted)");
  });

  it("leaves out what is not given: no address, no payments, no footer", async () => {
    const text = pdfToText(await receiptPdf(receipt({ club: { name: "RC Eifel" }, paid: [], footer: null })));
    expect(text).toContain("RC Eifel Quittung");
    expect(text).not.toContain("Zahlungen");
    expect(text).not.toContain("Maschinell");
  });

  it("runs onto a second page when there are many sessions, with nothing lost", async () => {
    const lines = Array.from({ length: 60 }, (_, i) => ({ label: `Session ${i + 1}`, amount: `${i + 1},00 €` }));
    const pdf = await receiptPdf(receipt({ lines, total: ["Gesamt", "1.830,00 €"] }));
    expect(pdfPageCount(pdf)).toBe(2);
    const text = pdfToText(pdf);
    expect(text).toContain("Session 1 1,00 €");
    expect(text).toContain("Session 60 60,00 €");
    expect(text).toContain("Gesamt 1.830,00 €");
  });
});

describe("pdfText", () => {
  it("keeps German and Latin-1 text and maps the rest to the nearest letter", () => {
    expect(pdfText("Jürgen Müßig – „Quittung“ 1.234,56 €")).toBe("Jürgen Müßig – „Quittung“ 1.234,56 €");
    expect(pdfText("Łódź Dvořák Ærø\u202f€ 🏁")).toBe("Lódz Dvorák Ærø\u00a0€ ?");
  });

  it("only ever gives characters the standard fonts have", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (s) => {
        expect(pdfText(s)).toMatch(/^[\n\x20-\x7e\xa0-\xff€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]*$/u);
      }),
    );
  });
});
