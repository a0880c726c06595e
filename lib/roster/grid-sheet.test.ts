import { describe, expect, it } from "vitest";
import { gridCsv, gridPdf, type SheetLine } from "./grid-sheet";
import { pdfToText } from "@/test/poppler";

const labels = {
  position: "Position",
  plaque: "Plaque",
  driver: "Driver",
  car: "Car",
  colour: "Colour",
  plate: "Plate",
};
const line = (position: number, driver: string): SheetLine => ({
  position,
  plaque: String(position - 1),
  driver,
  car: "BMW 1M Coupé",
  colour: "Valencia Orange",
  plate: `AW-RM ${position}`,
});

describe("grid sheets", () => {
  it("CSV: BOM, header, one line per position, a formula-looking name escaped", () => {
    const csv = gridCsv(
      [
        { position: 1, plaque: "", driver: "Pace car", car: "", colour: "", plate: "" },
        line(2, "=cmd|' /C calc'!A0"),
        line(3, "Jörg Müller, Jr."),
      ],
      labels,
    );
    expect(csv.startsWith("\uFEFFPosition,Plaque,Driver,Car,Colour,Plate\r\n")).toBe(true);
    const rows = csv.slice(1).trimEnd().split("\r\n");
    expect(rows).toHaveLength(4);
    expect(rows[2]).toBe("2,1,'=cmd|' /C calc'!A0,BMW 1M Coupé,Valencia Orange,AW-RM 2");
    expect(rows[3]).toContain('"Jörg Müller, Jr."');
  });

  it("PDF: an A4 document that grows a page when the grid does not fit on one", async () => {
    const short = await gridPdf("Corso", "1M Meet", [line(2, "Anna")], labels);
    const long = await gridPdf(
      "Corso",
      "1M Meet",
      Array.from({ length: 120 }, (_, i) => line(i + 2, `Driver ${i}`)),
      labels,
    );
    for (const pdf of [short, long]) {
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      expect(pdf.toString("latin1")).toContain("/MediaBox [0 0 595.28 841.89]");
    }
    const pages = (pdf: Buffer) => (pdf.toString("latin1").match(/\/Type \/Page\b/g) ?? []).length;
    expect(pages(short)).toBe(1);
    expect(pages(long)).toBeGreaterThanOrEqual(4);
  });
});

/** The PDF's text as poppler's pdftotext reads it (in content order), whitespace collapsed and a name wrapped after its hyphen joined again. */
function pdfText(pdf: Buffer): string {
  return pdfToText(pdf).replace(/- /g, "-");
}

describe("the grid PDF read back", () => {
  it("holds every plate whole, every name complete and German umlauts right, as the CSV does", async () => {
    const lines: SheetLine[] = [
      { position: 1, plaque: "", driver: "Pace car", car: "", colour: "", plate: "" },
      {
        position: 2,
        plaque: "17",
        driver: "Jörg Müller-Lüdenscheidt",
        car: "BMW 1M Coupé",
        colour: "Valencia Orange",
        plate: "MYK-ZC 1234",
      },
      {
        position: 3,
        plaque: "104",
        driver: "Maximilian Alexander Freiherr von Hohenzollern-Sigmaringen",
        car: "BMW 1M Coupé",
        colour: "Individual Frozen Brilliant White",
        plate: "DÜW-MP 5678",
      },
      {
        position: 4,
        plaque: "9",
        driver: "Sören Weiß",
        car: "BMW 1M Coupé",
        colour: "Alpine White",
        plate: "GB WX11 ÖÄÜ",
      },
    ];
    const text = pdfText(await gridPdf("Corso", "1M Meet", lines, labels));
    const csvRows = gridCsv(lines, labels).slice(1).trimEnd().split("\r\n").slice(1);
    expect(csvRows).toHaveLength(lines.length);
    for (const l of lines) {
      expect(text).toContain(l.plate);
      for (const value of [l.driver, l.car, l.colour]) expect(text).toContain(value);
    }
    expect(text).not.toContain("…");
  });
});
