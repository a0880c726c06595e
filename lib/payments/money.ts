// Amounts are whole euro cents (safe integers) everywhere; floats never hold money.

export type MoneyLocale = "en" | "de";

/** The most parseEuro accepts (1,000,000 €): far above any fee, so a slipped key is caught, not stored. */
export const MAX_PARSED_CENTS = 100_000_000;

// The German separator between amount and "€" is always U+00A0 (NO-BREAK SPACE). ICU versions differ
// (some emit U+202F), and the server's Node and the visitor's browser must print the same text or React
// hydration complains; U+00A0 also keeps "€" on the amount's line and exists in the PDF fonts' WinAnsi.
const NBSP = "\u00a0";

const FORMATS: Record<MoneyLocale, Intl.NumberFormat> = {
  en: new Intl.NumberFormat("en", { style: "currency", currency: "EUR" }),
  de: new Intl.NumberFormat("de-DE", { style: "currency", currency: "EUR" }),
};

function assertCents(cents: number): void {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`Expected a whole number of cents, got ${cents}`);
}

/** "€1,234.50" (en) or "1.234,50 €" with a NO-BREAK SPACE (de); negative "-€5.00" / "-5,00 €". */
export function formatEuro(cents: number, locale: MoneyLocale): string {
  // Formatting the exact decimal string, not cents / 100, keeps every safe integer exact.
  const text = FORMATS[locale].format(centsToDecimal(cents) as `${number}`);
  return text.replace(/\s/g, NBSP);
}

/** "1234.50", "-5.00", "0.07": the plain form machine formats want (EPC QR, SEPA XML, CSV). */
export function centsToDecimal(cents: number): string {
  assertCents(cents);
  const sign = cents < 0 ? "-" : "";
  const digits = String(Math.abs(cents)).padStart(3, "0");
  return `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/**
 * The inverse of centsToDecimal for machine formats: "1234.5", "1234.50", "1234", "-5.00".
 * No grouping, no comma, at most 2 decimals; null for anything else.
 */
export function decimalToCents(text: string): number | null {
  const match = /^(-?)(\d{1,15})(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) return null;
  const cents = Number(match[2]) * 100 + Number((match[3] ?? "").padEnd(2, "0"));
  return match[1] && cents !== 0 ? -cents : cents;
}

type Separators = { group: "." | "," | null; decimal: "." | "," | null };

// A single separator followed by exactly three digits after a valid first group ("1.234", "1,234") is
// read as thousands: people type "1.234" for a thousand euros, and two decimals is what money has.
function readSeparators(body: string): Separators {
  const dots = body.split(".").length - 1;
  const commas = body.split(",").length - 1;
  if (dots > 0 && commas > 0) {
    const decimal = body.lastIndexOf(".") > body.lastIndexOf(",") ? "." : ",";
    return { group: decimal === "." ? "," : ".", decimal };
  }
  if (dots + commas === 0) return { group: null, decimal: null };
  const sep = dots > 0 ? "." : ",";
  if (dots + commas > 1 || groupedPattern(sep).test(body)) return { group: sep, decimal: null };
  return { group: null, decimal: sep };
}

function groupedPattern(sep: "." | ","): RegExp {
  return sep === "." ? /^[1-9]\d{0,2}(?:\.\d{3})+$/ : /^[1-9]\d{0,2}(?:,\d{3})+$/;
}

/**
 * Whole cents from what a person types: "45", "45,5", "1.234,50", "1,234.50", " €45 ", "45 €", "45 EUR".
 * Null for negative amounts, more than 2 decimals, bad grouping, anything else, or more than 1,000,000 €.
 */
export function parseEuro(input: string): number | null {
  const match = /^(?:(?:€|EUR)\s*([\d.,]+)|([\d.,]+)\s*(?:€|EUR)?)$/i.exec(input.trim());
  const body = match?.[1] ?? match?.[2];
  if (!body) return null;
  const seps = readSeparators(body);
  const [whole = "", fraction, extra] = seps.decimal ? body.split(seps.decimal) : [body];
  if (extra !== undefined) return null;
  const wholeOk = seps.group ? groupedPattern(seps.group).test(whole) : /^\d+$/.test(whole);
  if (!wholeOk || (fraction !== undefined && !/^\d{1,2}$/.test(fraction))) return null;
  const digits = whole.replace(/[.,]/g, "");
  if (digits.length > 15) return null; // beyond exact doubles, and far beyond the limit anyway
  const cents = Number(digits) * 100 + Number((fraction ?? "").padEnd(2, "0"));
  return cents <= MAX_PARSED_CENTS ? cents : null;
}
