import PDFDocument from "pdfkit";
import { stringify } from "csv-stringify/sync";
import { neutraliseCell } from "./csv";

/** One printed line of a parade grid; position 1 is the pace car. */
export type SheetLine = {
  position: number;
  plaque: string;
  driver: string;
  car: string;
  colour: string;
  plate: string;
};
export type SheetLabels = {
  position: string;
  plaque: string;
  driver: string;
  car: string;
  colour: string;
  plate: string;
};

const COLUMNS = ["position", "plaque", "driver", "car", "colour", "plate"] as const;

/** The grid as CSV for Excel: UTF-8 with a BOM, CRLF, formula-looking cells neutralised. */
export function gridCsv(lines: SheetLine[], labels: SheetLabels): string {
  const rows = lines.map((l) => COLUMNS.map((c) => neutraliseCell(String(l[c]))));
  return (
    "\uFEFF" + stringify([COLUMNS.map((c) => labels[c]), ...rows], { record_delimiter: "\r\n", quoted_match: /[\r\n]/ })
  );
}

// A4 in PDF points.
const A4: [number, number] = [595.28, 841.89];
const MARGIN = 40;
const PAD = 6;
const FONT = { head: 10, body: 11 };
type Doc = InstanceType<typeof PDFDocument>;

/**
 * Column widths for these lines: position, plaque and plate are as wide as their widest value (a
 * marshal reads a plate whole, never "MYK-ZC…"); colour, driver and car share what is left and
 * wrap onto a second line when they must.
 */
function columnWidths(doc: Doc, cells: string[][]): number[] {
  const widest = (i: number) =>
    Math.max(
      ...cells.map((row, r) =>
        doc
          .font(r === 0 ? "Helvetica-Bold" : "Helvetica")
          .fontSize(r === 0 ? FONT.head : FONT.body)
          .widthOfString(row[i]!),
      ),
    ) + PAD;
  // A plate longer than any real one wraps rather than pushing the names off the page.
  const fixed = { 0: widest(0), 1: widest(1), 5: Math.min(widest(5), 160) };
  const rest = A4[0] - 2 * MARGIN - fixed[0] - fixed[1] - fixed[5];
  return [fixed[0], fixed[1], rest * 0.36, rest * 0.36, rest * 0.28, fixed[5]];
}

function rowHeight(doc: Doc, cells: string[], widths: number[], bold: boolean): number {
  doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(bold ? FONT.head : FONT.body);
  return Math.max(...cells.map((cell, i) => doc.heightOfString(cell || " ", { width: widths[i]! - PAD }))) + 2 * PAD;
}

function drawRow(doc: Doc, cells: string[], widths: number[], bold: boolean, height: number): void {
  const y = doc.y;
  let x = MARGIN;
  doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(bold ? FONT.head : FONT.body);
  cells.forEach((cell, i) => {
    doc.text(cell, x, y + PAD, { width: widths[i]! - PAD });
    x += widths[i]!;
  });
  doc
    .moveTo(MARGIN, y + height - 2)
    .lineTo(A4[0] - MARGIN, y + height - 2)
    .lineWidth(0.5)
    .strokeColor("#999999")
    .stroke();
  doc.x = MARGIN;
  doc.y = y + height;
}

/**
 * The grid as an A4 PDF, one line per car, the header repeated on every page. PDFKit's built-in
 * Helvetica covers Western European letters (WinAnsi: the umlauts and ß of German plates and
 * names), which is what club rosters here hold.
 */
export function gridPdf(title: string, subtitle: string, lines: SheetLine[], labels: SheetLabels): Promise<Buffer> {
  const doc = new PDFDocument({ size: A4, margin: MARGIN, info: { Title: title } });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  doc.font("Helvetica-Bold").fontSize(16).text(title).font("Helvetica").fontSize(10).text(subtitle).moveDown(0.8);
  const header = COLUMNS.map((c) => labels[c]);
  const rows = lines.map((l) => COLUMNS.map((c) => String(l[c])));
  const widths = columnWidths(doc, [header, ...rows]);
  const headerHeight = rowHeight(doc, header, widths, true);
  drawRow(doc, header, widths, true, headerHeight);
  for (const cells of rows) {
    const height = rowHeight(doc, cells, widths, false);
    if (doc.y + height > A4[1] - MARGIN) {
      doc.addPage();
      drawRow(doc, header, widths, true, headerHeight);
    }
    drawRow(doc, cells, widths, false, height);
  }
  doc.end();
  return done;
}
