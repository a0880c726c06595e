import PDFDocument from "pdfkit";
import { stringify } from "csv-stringify/sync";
import { neutraliseCell } from "./csv";

/** One printed line of a parade grid; position 1 is the pace car. */
export type SheetLine = { position: number; plaque: string; driver: string; car: string; colour: string; plate: string };
export type SheetLabels = { position: string; plaque: string; driver: string; car: string; colour: string; plate: string };

const COLUMNS = ["position", "plaque", "driver", "car", "colour", "plate"] as const;

/** The grid as CSV for Excel: UTF-8 with a BOM, CRLF, formula-looking cells neutralised. */
export function gridCsv(lines: SheetLine[], labels: SheetLabels): string {
  const rows = lines.map((l) => COLUMNS.map((c) => neutraliseCell(String(l[c]))));
  return "\uFEFF" + stringify([COLUMNS.map((c) => labels[c]), ...rows], { record_delimiter: "\r\n", quoted_match: /[\r\n]/ });
}

// A4 in PDF points; widths of the six columns add up to the printable width (515 pt).
const A4: [number, number] = [595.28, 841.89];
const MARGIN = 40;
const WIDTHS = [50, 50, 140, 120, 90, 65];
const ROW = 22;

/**
 * The grid as an A4 PDF, one line per car. PDFKit's built-in Helvetica covers Western European
 * letters (WinAnsi), which is what club rosters here hold.
 */
export function gridPdf(title: string, subtitle: string, lines: SheetLine[], labels: SheetLabels): Promise<Buffer> {
  const doc = new PDFDocument({ size: A4, margin: MARGIN, info: { Title: title } });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  doc.font("Helvetica-Bold").fontSize(16).text(title).font("Helvetica").fontSize(10).text(subtitle).moveDown(0.8);
  const row = (cells: string[], bold: boolean) => {
    if (doc.y + ROW > A4[1] - MARGIN) doc.addPage();
    const y = doc.y;
    let x = MARGIN;
    doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(bold ? 10 : 11);
    cells.forEach((cell, i) => {
      doc.text(cell, x, y, { width: WIDTHS[i]! - 6, height: ROW, ellipsis: true, lineBreak: false });
      x += WIDTHS[i]!;
    });
    doc.moveTo(MARGIN, y + ROW - 5).lineTo(A4[0] - MARGIN, y + ROW - 5).lineWidth(0.5).strokeColor("#999999").stroke();
    doc.x = MARGIN;
    doc.y = y + ROW;
  };
  row(COLUMNS.map((c) => labels[c]), true);
  for (const l of lines) row(COLUMNS.map((c) => String(l[c])), false);
  doc.end();
  return done;
}
