import { XMLParser, XMLValidator } from "fast-xml-parser";
import { decimalToCents, isCalendarDate, StatementError, withKeys, type LineDraft, type StatementLine } from "./types";

type XmlNode = { [name: string]: unknown };
type Entry = { account: string; currency: string; label: string };

// Entity declarations are how XML bombs and external-entity reads work; no bank sends them.
const DECLARATION = /<!\s*(DOCTYPE|ENTITY)/i;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  // camt.053.001.02 and .08 (and a prefixed "camt:Document") read the same without namespaces.
  removeNSPrefix: true,
  // Keep "00123" and "45.10" as written: amounts are parsed exactly below, never as floats.
  parseTagValue: false,
  processEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

const PREDEFINED = new Map([
  ["amp", "&"],
  ["lt", "<"],
  ["gt", ">"],
  ["quot", '"'],
  ["apos", "'"],
]);

/** Entity processing is off, so the five predefined entities and character references are decoded here, once. */
function decodeEntities(raw: string): string {
  return raw.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,4});/gi, (whole, name: string) => {
    if (!name.startsWith("#")) return PREDEFINED.get(name) ?? whole;
    const code = /^#x/i.test(name) ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
  });
}

const isNode = (value: unknown): value is XmlNode =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const list = (value: unknown): unknown[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** Every element at the path; a repeated element is an array, a single one is not. */
function all(from: unknown, ...path: string[]): unknown[] {
  return path.reduce<unknown[]>(
    (nodes, name) => nodes.flatMap((node) => (isNode(node) && Object.hasOwn(node, name) ? list(node[name]) : [])),
    list(from),
  );
}

const at = (from: unknown, ...path: string[]): unknown => all(from, ...path)[0];

function text(value: unknown): string {
  const raw = typeof value === "string" ? value : isNode(value) ? value["#text"] : undefined;
  return typeof raw === "string" ? decodeEntities(raw) : "";
}

function readDocument(xml: string): unknown {
  const source = xml.replace(/^\uFEFF/, "");
  if (DECLARATION.test(source)) {
    throw new StatementError("malformed", "the XML declares a DOCTYPE or entities, which a bank statement never does");
  }
  let parsed: unknown;
  try {
    const verdict = XMLValidator.validate(source);
    if (verdict !== true) {
      throw new StatementError("malformed", `not well-formed XML (line ${verdict.err.line}: ${verdict.err.msg})`);
    }
    parsed = parser.parse(source);
  } catch (error) {
    if (error instanceof StatementError) throw error;
    throw new StatementError("malformed", `the XML could not be read: ${(error as Error)?.message ?? error}`);
  }
  const document = at(parsed, "Document");
  if (at(document, "BkToCstmrStmt") === undefined) {
    const root = isNode(parsed) ? Object.keys(parsed).join(", ") : "";
    const inside = isNode(document) ? ` holding ${Object.keys(document).join(", ")}` : "";
    throw new StatementError("not-a-statement", `not a CAMT.053 statement (found ${root || "nothing"}${inside})`);
  }
  return document;
}

/** The bank's own id for a payment; "NONREF" and friends are placeholders, not ids. */
function bankId(value: unknown): string | undefined {
  const id = text(value).trim();
  return id && !/^(NONREF|NOTPROVIDED|NONE)$/i.test(id) ? id : undefined;
}

function amountOf(amt: unknown, entry: Entry): { cents: number; currency: string } {
  const cents = decimalToCents(text(amt).trim());
  if (cents === null) throw new StatementError("bad-value", `${entry.label}: amount "${text(amt)}" is not an amount`);
  const currency = isNode(amt) && typeof amt["@Ccy"] === "string" ? amt["@Ccy"] : entry.currency;
  return { cents, currency: currency.trim().toUpperCase() };
}

function bookingDate(ntry: unknown, entry: Entry): string {
  const stamp = [at(ntry, "BookgDt", "Dt"), at(ntry, "BookgDt", "DtTm"), at(ntry, "ValDt", "Dt")]
    .map((value) => text(value).trim())
    .find(Boolean);
  // A DtTm is taken as the bank wrote it: its date is the day the bank booked, in the bank's zone.
  const date = (stamp ?? "").slice(0, 10);
  if (!isCalendarDate(date)) throw new StatementError("bad-value", `${entry.label}: no booking date`);
  return date;
}

function remittanceOf(tx: unknown): string {
  const parts = [...all(tx, "RmtInf", "Ustrd"), ...all(tx, "RmtInf", "Strd", "CdtrRefInf", "Ref")];
  return parts
    .map((part) => text(part).trim())
    .filter(Boolean)
    .join(" ");
}

function payer(tx: unknown): { name: string; iban: string | null } {
  const name = text(at(tx, "RltdPties", "Dbtr", "Nm")) || text(at(tx, "RltdPties", "Dbtr", "Pty", "Nm"));
  const iban = text(at(tx, "RltdPties", "DbtrAcct", "Id", "IBAN"))
    .replace(/\s+/g, "")
    .toUpperCase();
  return { name: name.trim(), iban: iban || null };
}

function entryDrafts(ntry: unknown, entry: Entry): LineDraft[] {
  const status = text(at(ntry, "Sts", "Cd")) || text(at(ntry, "Sts"));
  if (text(at(ntry, "CdtDbtInd")) !== "CRDT" || status.trim() !== "BOOK") return [];
  // A credit marked as a reversal returns money the club paid out; it is no one's entry fee.
  if (text(at(ntry, "RvslInd")).trim() === "true") return [];
  const bookedOn = bookingDate(ntry, entry);
  const entryId = bankId(at(ntry, "AcctSvcrRef"));
  const txs = all(ntry, "NtryDtls", "TxDtls");
  if (txs.length === 0) {
    const remittance = text(at(ntry, "AddtlNtryInf")).trim();
    const identity = entryId && `${entry.account}:${entryId}:0`;
    return [{ ...amountOf(at(ntry, "Amt"), entry), bookedOn, remittance, name: "", iban: null, identity }];
  }
  return txs.flatMap((tx, i): LineDraft[] => {
    if (text(at(tx, "CdtDbtInd")) === "DBIT") return [];
    const amt = at(tx, "Amt") ?? at(tx, "AmtDtls", "TxAmt", "Amt") ?? (txs.length === 1 ? at(ntry, "Amt") : undefined);
    if (amt === undefined) {
      throw new StatementError("bad-value", `${entry.label}: transaction ${i + 1} of ${txs.length} has no amount`);
    }
    const id = bankId(at(tx, "Refs", "AcctSvcrRef")) ?? entryId;
    const identity = id && `${entry.account}:${id}:${i}`;
    return [{ ...amountOf(amt, entry), bookedOn, remittance: remittanceOf(tx), ...payer(tx), identity }];
  });
}

/**
 * The booked credits of an ISO 20022 camt.053 statement (any version), one line per transaction.
 * Throws StatementError for anything that is not a well-formed camt.053 document.
 */
export function parseCamt053(xml: string): StatementLine[] {
  const statements = all(readDocument(xml), "BkToCstmrStmt", "Stmt");
  if (statements.length === 0) throw new StatementError("not-a-statement", "the CAMT.053 file holds no statement");
  const drafts = statements.flatMap((stmt, s) => {
    const account = text(at(stmt, "Acct", "Id", "IBAN")) || text(at(stmt, "Acct", "Id", "Othr", "Id"));
    const currency = text(at(stmt, "Acct", "Ccy"));
    return all(stmt, "Ntry").flatMap((ntry, e) => {
      const label = statements.length > 1 ? `statement ${s + 1}, entry ${e + 1}` : `entry ${e + 1}`;
      return entryDrafts(ntry, { account: account.replace(/\s+/g, ""), currency, label });
    });
  });
  return withKeys(drafts.filter((draft) => draft.cents > 0));
}
