import PDFDocument from "pdfkit";
import { pdfText } from "../pdf-text";

// A receipt for an entry fee as an A4 PDF ("Quittung"): who paid the club what for which event, and
// when the money came in. Every word and amount arrives from the caller already translated and
// formatted, so this module only lays it out.

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 50;
const WIDTH = A4[0] - 2 * MARGIN;
const AMOUNT_WIDTH = 110;
const GREY = "#475569";

export type ReceiptLine = { label: string; amount: string };

export type Receipt = {
  /** "Quittung" / "Receipt" */
  title: string;
  /** From the club's gap-free sequence, e.g. "2026-0007". */
  number: string;
  club: { name: string; address?: string | null };
  /** The date of issue, formatted. */
  issuedOn: string;
  payer: string;
  event: string;
  /** One per charge: the entry fee, each session. */
  lines: ReceiptLine[];
  /** Label and amount, e.g. ["Gesamt", "165,00 €"]. */
  total: [string, string];
  /** Label with the date it came in, and amount: ["Überweisung 02.03.2026", "100,00 €"]. */
  paid: [string, string][];
  /** That this acknowledges payment of an entry fee (and, where it applies, why no VAT is shown). */
  note: string;
  labels: { number: string; issuedOn: string; payer: string; event: string; paid: string };
  footer?: string | null;
};

type Doc = InstanceType<typeof PDFDocument>;

function header(doc: Doc, r: Receipt): void {
  doc.font("Helvetica-Bold").fontSize(14).text(pdfText(r.club.name));
  if (r.club.address) doc.font("Helvetica").fontSize(9).fillColor(GREY).text(pdfText(r.club.address));
  doc.fillColor("#000000").moveDown(2);
  doc.font("Helvetica-Bold").fontSize(20).text(pdfText(r.title)).moveDown(0.5);
  const facts: [string, string][] = [
    [r.labels.number, r.number],
    [r.labels.issuedOn, r.issuedOn],
    [r.labels.payer, r.payer],
    [r.labels.event, r.event],
  ];
  for (const [label, value] of facts) {
    doc
      .font("Helvetica-Bold")
      .fontSize(10)
      .text(pdfText(`${label}: `), { continued: true });
    doc.font("Helvetica").text(pdfText(value));
  }
  doc.moveDown(1.5);
}

/** Label on the left, amount right-aligned; a row never splits across pages. */
function amountRow(doc: Doc, label: string, amount: string, bold = false): void {
  doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(10);
  const labelWidth = WIDTH - AMOUNT_WIDTH - 10;
  const [left, right] = [pdfText(label), pdfText(amount)];
  const height = Math.max(
    doc.heightOfString(left, { width: labelWidth }),
    doc.heightOfString(right, { width: AMOUNT_WIDTH }),
  );
  if (doc.y + height > A4[1] - MARGIN) doc.addPage();
  const y = doc.y;
  doc.text(left, MARGIN, y, { width: labelWidth });
  doc.text(right, MARGIN + WIDTH - AMOUNT_WIDTH, y, { width: AMOUNT_WIDTH, align: "right" });
  doc.x = MARGIN;
  doc.y = y + height + 4;
}

function rule(doc: Doc): void {
  doc
    .moveTo(MARGIN, doc.y)
    .lineTo(MARGIN + WIDTH, doc.y)
    .lineWidth(0.5)
    .strokeColor(GREY)
    .stroke();
  doc.y += 6;
}

function payments(doc: Doc, r: Receipt): void {
  if (r.paid.length === 0) return;
  doc.moveDown(1.5);
  if (doc.y + 40 > A4[1] - MARGIN) doc.addPage();
  doc.font("Helvetica-Bold").fontSize(12).text(pdfText(r.labels.paid), MARGIN).moveDown(0.4);
  for (const [label, amount] of r.paid) amountRow(doc, label, amount);
}

export function receiptPdf(r: Receipt): Promise<Buffer> {
  const doc = new PDFDocument({
    size: A4,
    margin: MARGIN,
    info: { Title: `${r.title} ${r.number}`, Author: r.club.name },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  header(doc, r);
  for (const line of r.lines) amountRow(doc, line.label, line.amount);
  rule(doc);
  amountRow(doc, r.total[0], r.total[1], true);
  payments(doc, r);
  doc.moveDown(2);
  doc.font("Helvetica").fontSize(10).text(pdfText(r.note), MARGIN, doc.y, { width: WIDTH });
  if (r.footer) {
    doc.moveDown(1).fontSize(8).fillColor(GREY).text(pdfText(r.footer), { width: WIDTH }).fillColor("#000000");
  }
  doc.end();
  return done;
}
