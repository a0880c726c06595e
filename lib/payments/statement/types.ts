import { textSha256 } from "../../sha256";
import { decimalToCents as exactCents } from "../money";

/** One incoming payment (a credit) read from a bank statement, whatever the file's format. */
export type StatementLine = {
  /** The same for the same payment when a file is imported again; store lines under it. */
  key: string;
  /** The booking date as the bank states it (YYYY-MM-DD), never shifted through a time zone. */
  bookedOn: string;
  /** Always positive: debits are left out by the parsers. */
  cents: number;
  currency: string;
  remittance: string;
  /** The payer's name as the bank gives it; empty when it gives none. */
  name: string;
  iban: string | null;
};

/** What the UI translates; the message says in English what exactly was wrong. */
export type StatementErrorCode =
  "unsupported-format" | "not-a-statement" | "malformed" | "missing-columns" | "bad-value";

export class StatementError extends Error {
  readonly code: StatementErrorCode;

  constructor(code: StatementErrorCode, message: string) {
    super(message);
    this.name = "StatementError";
    this.code = code;
  }
}

/** A line before its key is known; `identity` is the bank's own id for the payment, when it gives one. */
export type LineDraft = Omit<StatementLine, "key"> & { identity?: string };

/**
 * Keys from the bank's id, or else from the line's content. Either way the nth repeat within a
 * file gets "#n": two identical transfers are two payments, and the same file imported twice
 * yields the same keys, so the store can skip what it already holds.
 */
export function withKeys(drafts: LineDraft[]): StatementLine[] {
  const seen = new Map<string, number>();
  return drafts.map(({ identity, ...line }) => {
    const base = identity === undefined ? `sha:${contentHash(line)}` : `ref:${identity}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return { key: `${base}#${n}`, ...line };
  });
}

function contentHash(line: Omit<StatementLine, "key">): string {
  const fields = [line.bookedOn, line.cents, line.currency, line.remittance, line.name, line.iban];
  return textSha256(JSON.stringify(fields)).slice(0, 32);
}

/**
 * Exact cents from a bank's plain decimal ("45", "45.5", "45.00"), or null; never through a float.
 * Banks may write more decimals than cents need ("45.000"): zeros past the cents are dropped, and
 * the rest is money.ts's reading. Statement amounts are never negative (the sign is a field of its own).
 */
export function decimalToCents(decimal: string): number | null {
  const trimmed = decimal.replace(/^(\d+\.\d{2})0+$/, "$1");
  return /^\d{1,13}(?:\.\d+)?$/.test(trimmed) ? exactCents(trimmed) : null;
}

/** "2024-02-30" and "2024-13-01" are not dates even though they look like one. */
export function isCalendarDate(iso: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
