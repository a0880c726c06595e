import { TZDate } from "@date-fns/tz";
import { Document } from "sepa";
import { isValidIban, normaliseIban } from "./iban";
import { centsToDecimal } from "./money";
import { EVENT_TIME_ZONE, inZone } from "../time";

// The refunds a treasurer pays in one go, as a SEPA credit transfer file (pain.001.001.03, the
// version German online banking takes) to upload to the club's bank. The `sepa` package writes the
// XML; this module decides what may go in, because the bank refuses a whole file for one bad field.

export type RefundTransfer = {
  /** Unique in the file; the bank hands it back on the statement, so refunds can be matched. */
  endToEndId: string;
  name: string;
  iban: string;
  bic?: string | null;
  cents: number;
  remittance: string;
};

export type RefundBatch = {
  debtor: { name: string; iban: string; bic?: string | null };
  messageId: string;
  createdAt: Date;
  /** The day the bank should pay, "YYYY-MM-DD". */
  executionDate: string;
  transfers: RefundTransfer[];
};

type PaymentInfo = ReturnType<Document["createPaymentInfo"]>;

const PAIN_FORMAT = "pain.001.001.03";
/** The schema's largest amount, 999 999 999.99. */
const MAX_CENTS = 99_999_999_999;

/** Letters outside the SEPA set that have a customary spelling in it; the rest lose their accents. */
const SPELLED: Record<string, string> = {
  ä: "ae", ö: "oe", ü: "ue", Ä: "Ae", Ö: "Oe", Ü: "Ue", ß: "ss", ẞ: "SS", æ: "ae", Æ: "Ae",
  œ: "oe", Œ: "Oe", ø: "oe", Ø: "Oe", ł: "l", Ł: "L", đ: "d", Đ: "D", ð: "d", Ð: "D", þ: "th",
  Þ: "Th", ı: "i", "&": "+",
}; // prettier-ignore

/**
 * Text in the SEPA basic character set (a–z, A–Z, 0–9 and / - ? : ( ) . , ' + space), cut to `max`.
 * Banks reject anything else, so umlauts are spelled out and unknown characters dropped.
 */
export function sepaText(text: string, max: number): string {
  return text
    .normalize("NFC")
    .replace(/[ÄÖÜ](?=\p{Lu})/gu, (c) => SPELLED[c]!.toUpperCase()) // "MÜLLER" → "MUELLER"
    .replace(/[^A-Za-z0-9 ]/gu, (c) => SPELLED[c] ?? c)
    .normalize("NFD")
    .replace(/\s+/g, " ")
    .replace(/[^A-Za-z0-9/\-?:().,'+ ]/g, "")
    .replace(/ {2,}/g, " ")
    .trim()
    .slice(0, max)
    .trimEnd();
}

function cleanText(text: string, max: number, what: string): string {
  const clean = sepaText(text, max);
  if (!clean) throw new Error(`${what} has no characters the SEPA character set allows: "${text}"`);
  return clean;
}

/** Ids (message, end-to-end) must already be valid: changing them would break matching the statement. */
function checkId(id: string, what: string): string {
  if (!/^[A-Za-z0-9/\-?:().,'+ ]{1,35}$/.test(id) || id.startsWith("/") || id.includes("//")) {
    throw new Error(`${what} must be 1–35 SEPA characters, not starting with "/" nor holding "//": "${id}"`);
  }
  return id;
}

function checkIban(iban: string, what: string): string {
  if (!isValidIban(iban)) throw new Error(`${what} has an invalid IBAN: "${iban}"`);
  return normaliseIban(iban);
}

/** A BIC is optional in SEPA. One given must match the schema's pattern; the package checks its country. */
function checkBic(bic: string | null | undefined, what: string): string {
  const compact = (bic ?? "").replace(/\s+/g, "").toUpperCase();
  if (!compact) return "";
  if (!/^[A-Z]{6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3})?$/.test(compact))
    throw new Error(`${what} has an invalid BIC: "${bic}"`);
  return compact;
}

/** The calendar day as a date whose local fields the package reads, whatever the server's time zone. */
function executionDay(day: string): Date {
  const invalid = new Error(`Invalid execution date: "${day}"`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw invalid;
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const date = new TZDate(y, m - 1, d, 12, 0, 0, EVENT_TIME_ZONE);
  // 2026-02-30 would roll over into March.
  if (date.getFullYear() !== y || date.getMonth() !== m - 1 || date.getDate() !== d) throw invalid;
  return date;
}

function addTransfer(info: PaymentInfo, t: RefundTransfer, n: number): void {
  const what = `Transfer ${n} (${t.endToEndId})`;
  if (!Number.isSafeInteger(t.cents) || t.cents < 1 || t.cents > MAX_CENTS) {
    throw new Error(`${what}: amount must be whole cents from 1 to ${MAX_CENTS}, not ${t.cents}`);
  }
  const tx = info.createTransaction();
  tx.end2endId = t.endToEndId;
  tx.creditorName = cleanText(t.name, 70, `${what} name`);
  tx.creditorIBAN = checkIban(t.iban, what);
  tx.creditorBIC = checkBic(t.bic, what);
  // cents / 100 is the double nearest the decimal, which toFixed(2) writes back exactly.
  tx.amount = t.cents / 100;
  tx.remittanceInfo = cleanText(t.remittance, 140, `${what} remittance`);
  info.addTransaction(tx);
  // The package prefixes InstrId with the payment block's id, which can overrun 35 characters.
  tx.id = t.endToEndId;
}

function checkTransfers(transfers: RefundTransfer[]): void {
  if (transfers.length === 0) throw new Error("A SEPA transfer file needs at least one transfer");
  const seen = new Set<string>();
  transfers.forEach((t, i) => {
    checkId(t.endToEndId, `Transfer ${i + 1} end-to-end id`);
    // The same refund twice in one file would pay it twice.
    if (seen.has(t.endToEndId)) throw new Error(`End-to-end id "${t.endToEndId}" appears twice`);
    seen.add(t.endToEndId);
  });
}

/** The pain.001.001.03 XML for paying `transfers` from the club's account. Throws on anything a bank would refuse. */
export function refundTransfersXml(batch: RefundBatch): string {
  checkTransfers(batch.transfers);
  const doc = new Document(PAIN_FORMAT);
  doc.grpHdr.id = checkId(batch.messageId, "Message id");
  // CreDtTm is written from the date's local fields: Berlin time, not the server's zone.
  doc.grpHdr.created = inZone(batch.createdAt);
  doc.grpHdr.initiatorName = cleanText(batch.debtor.name, 70, "Debtor name");

  const info = doc.createPaymentInfo();
  info.requestedExecutionDate = executionDay(batch.executionDate);
  info.debtorName = doc.grpHdr.initiatorName;
  info.debtorIBAN = checkIban(batch.debtor.iban, "Debtor");
  info.debtorBIC = checkBic(batch.debtor.bic, "Debtor");
  // One booking per refund on the club's statement, so each can be matched to its payer.
  info.batchBooking = false;
  doc.addPaymentInfo(info);
  info.id = batch.messageId; // the package's "<id>.0" could overrun PmtInfId's 35 characters
  batch.transfers.forEach((t, i) => addTransfer(info, t, i + 1));

  let xml: string;
  try {
    xml = doc.toString(); // the package validates as it writes
  } catch (e) {
    throw new Error(`SEPA file refused: ${(e as Error).message}`, { cause: e });
  }
  checkControlSum(xml, batch.transfers);
  return xml;
}

/** The package sums amounts as floats; a drift would make the bank reject the file, so refuse to hand it out. */
function checkControlSum(xml: string, transfers: RefundTransfer[]): void {
  const expected = centsToDecimal(transfers.reduce((sum, t) => sum + t.cents, 0));
  const sums = [...xml.matchAll(/<CtrlSum>([^<]*)<\/CtrlSum>/g)].map((m) => m[1]);
  if (sums.length !== 2 || sums.some((s) => s !== expected)) {
    throw new Error(`SEPA control sum ${sums.join("/")} differs from ${expected}`);
  }
}
