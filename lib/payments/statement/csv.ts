import { parse } from "csv-parse/sync";
import { decimalToCents, isCalendarDate, StatementError, withKeys, type LineDraft, type StatementLine } from "./types";

type Role = "date" | "amount" | "reference" | "name" | "currency" | "iban";
type Columns = Partial<Record<Role, number>>;
type Row = { record: string[]; info: { lines: number } };
type Table = { rows: Row[]; header: number; columns: Columns };

const REQUIRED = ["date", "amount", "reference", "name"] as const;

/** Headers as English and German banks write them, compared lower-cased and without "(EUR)". */
const HEADERS: Record<Role, string[]> = {
  date: ["date", "booking date", "booked on", "datum", "buchungstag", "buchungsdatum"],
  amount: ["amount", "betrag"],
  reference: ["reference", "remittance", "remittance information", "description", "purpose", "verwendungszweck"],
  name: [
    "name",
    "payer",
    "auftraggeber",
    "zahlungspflichtiger",
    "zahlungspflichtige*r",
    "auftraggeber/empfänger",
    "beguenstigter/zahlungspflichtiger",
    "name zahlungsbeteiligter",
  ],
  currency: ["currency", "währung", "waehrung"],
  iban: ["iban", "iban zahlungsbeteiligter", "kontonummer/iban"],
};

/** German exports use ";" (the comma is their decimal mark), others ",". */
const DELIMITERS = [";", ",", "\t"];
/** Some banks put account details above the header; this many rows are searched for it. */
const HEADER_SEARCH_ROWS = 20;

const headerKey = (cell: string) =>
  cell
    .toLowerCase()
    .replace(/\([^)]*\)/g, "")
    .replace(/\s+/g, " ")
    .trim();

function columnsOf(record: string[]): Columns {
  const columns: Columns = {};
  record.forEach((cell, index) => {
    const key = headerKey(cell);
    for (const role of Object.keys(HEADERS) as Role[]) {
      if (columns[role] === undefined && HEADERS[role].includes(key)) columns[role] = index;
    }
  });
  return columns;
}

const complete = (columns: Columns) => REQUIRED.every((role) => columns[role] !== undefined);

function readRows(text: string, delimiter: string): Row[] {
  const options = { delimiter, bom: true, info: true, relax_column_count: true, relax_quotes: true, trim: true };
  return parse(text, options) as unknown as Row[];
}

/** The first delimiter under which a header row with all required columns appears. */
function readTable(text: string): Table {
  let best: Columns = {};
  let failure: unknown;
  for (const delimiter of DELIMITERS) {
    let rows: Row[];
    try {
      rows = readRows(text, delimiter);
    } catch (error) {
      failure = error;
      continue;
    }
    for (const [header, row] of rows.slice(0, HEADER_SEARCH_ROWS).entries()) {
      const columns = columnsOf(row.record);
      if (complete(columns)) return { rows, header, columns };
      if (Object.keys(columns).length > Object.keys(best).length) best = columns;
    }
  }
  if (Object.keys(best).length === 0 && failure) {
    throw new StatementError("malformed", `the CSV could not be read: ${(failure as Error)?.message ?? failure}`);
  }
  const missing = REQUIRED.filter((role) => best[role] === undefined);
  const wanted = missing.map((role) => `${role} ("${HEADERS[role][0]}" or "${HEADERS[role].at(-1)}")`).join(", ");
  throw new StatementError("missing-columns", `the CSV has no header row with a ${wanted} column`);
}

/** "45.00", "45,00", "1.234,50", "1,234.50", "-45,00", "45,00-", "45,00 €" → signed cents, or null. */
export function parseCsvAmount(raw: string): number | null {
  let s = raw.replace(/\s|EUR|€/gi, "");
  const negative = /^[-−]/.test(s) || /-$/.test(s);
  s = s.replace(/^[+\-−]|-$/g, "");
  const decimalAt = Math.max(s.lastIndexOf("."), s.lastIndexOf(","));
  const isDecimal = decimalAt >= 0 && /^\d{1,2}$/.test(s.slice(decimalAt + 1));
  const units = isDecimal ? s.slice(0, decimalAt) : s;
  const fraction = isDecimal ? s.slice(decimalAt + 1) : "";
  // A thousands mark must repeat the same character and differ from the decimal mark.
  const grouped = /^\d{1,3}(?:([.,'])\d{3})(?:\1\d{3})*$/.exec(units);
  if (!/^\d+$/.test(units) && !(grouped && (!isDecimal || grouped[1] !== s[decimalAt]))) return null;
  const cents = decimalToCents(`${units.replace(/\D/g, "")}${fraction && "."}${fraction}`);
  return cents === null ? null : negative ? -cents : cents;
}

/** YYYY-MM-DD, DD.MM.YYYY or DD.MM.YY → YYYY-MM-DD, or null. */
export function parseCsvDate(raw: string): string | null {
  const value = raw.trim();
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/.exec(value);
  const iso = german
    ? `${german[3]!.length === 2 ? `20${german[3]}` : german[3]}-${german[2]!.padStart(2, "0")}-${german[1]!.padStart(2, "0")}`
    : value;
  return isCalendarDate(iso) ? iso : null;
}

function rowDraft(record: string[], line: number, columns: Columns): LineDraft | null {
  const cell = (role: Role) => (columns[role] === undefined ? "" : (record[columns[role]] ?? "").trim());
  if (record.every((value) => value.trim() === "")) return null;
  const cents = parseCsvAmount(cell("amount"));
  if (cents === null)
    throw new StatementError("bad-value", `line ${line}: amount "${cell("amount")}" is not an amount`);
  if (cents <= 0) return null;
  const bookedOn = parseCsvDate(cell("date"));
  if (bookedOn === null) {
    throw new StatementError("bad-value", `line ${line}: date "${cell("date")}" is not YYYY-MM-DD or DD.MM.YYYY`);
  }
  const currency = cell("currency").replace("€", "EUR").toUpperCase() || "EUR";
  const iban = cell("iban").replace(/\s+/g, "").toUpperCase() || null;
  return { bookedOn, cents, currency, remittance: cell("reference"), name: cell("name"), iban };
}

/** The credits of a bank's CSV export (English or German headers); debits are left out. */
export function parseStatementCsv(text: string): StatementLine[] {
  const { rows, header, columns } = readTable(text.replace(/^\uFEFF/, ""));
  const drafts = rows
    .slice(header + 1)
    .map((row) => rowDraft(row.record, row.info.lines, columns))
    .filter((draft) => draft !== null);
  return withKeys(drafts);
}
