import PDFDocument from "pdfkit";
import { pdfText } from "./pdf-text";
import { pngOfDataUrl } from "./png";

// A signed waiver as an A4 PDF: the text as signed, the drawn signature, and the record that
// proves who signed what and when (db/paperwork/waivers.ts keeps it unchangeable).

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 50;

export type WaiverRecord = {
  title: string;
  subtitle: string;
  text: string;
  /** The drawn signature as a PNG data URL, or null when the typed name signed alone. */
  signature: string | null;
  /** Label and value, in order: signed by, when, address, browser, version, SHA-256 … */
  record: [string, string][];
  recordTitle: string;
};

/** Markdown as plain lines for print: headings and emphasis lose their marks, list items get a bullet. */
export function markdownToPlain(markdown: string): string {
  return markdown
    .replace(/\r\n/g, "\n")
    .split("\n")
    .map((line) =>
      line
        .replace(/^\s{0,3}#{1,6}\s+/, "")
        .replace(/^(\s*)[-*+]\s+/, "$1• ")
        .replace(/(\*\*|__)(.+?)\1/g, "$2")
        .replace(/(\*|_)(.+?)\1/g, "$2")
        .replace(/\[([^\]]+)\]\(([^)]+)\)/g, "$1 ($2)"),
    )
    .join("\n");
}

export function waiverPdf(w: WaiverRecord): Promise<Buffer> {
  const doc = new PDFDocument({ size: A4, margin: MARGIN, info: { Title: w.title } });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  doc.font("Helvetica-Bold").fontSize(16).text(pdfText(w.title));
  doc.font("Helvetica").fontSize(10).fillColor("#475569").text(pdfText(w.subtitle)).fillColor("#000000").moveDown(1);
  doc
    .font("Helvetica")
    .fontSize(11)
    .text(pdfText(markdownToPlain(w.text)), { lineGap: 2 })
    .moveDown(1.5);
  if (w.signature) {
    const png = pngOfDataUrl(w.signature);
    if (doc.y + 120 > A4[1] - MARGIN) doc.addPage();
    doc.image(png, { fit: [240, 100] }).moveDown(0.5);
  }
  if (doc.y + 40 + w.record.length * 16 > A4[1] - MARGIN) doc.addPage();
  doc.font("Helvetica-Bold").fontSize(12).text(pdfText(w.recordTitle)).moveDown(0.3);
  for (const [label, value] of w.record) {
    doc
      .font("Helvetica-Bold")
      .fontSize(9)
      .text(pdfText(`${label}: `), { continued: true })
      .font("Helvetica")
      .text(pdfText(value));
  }
  doc.end();
  return done;
}
