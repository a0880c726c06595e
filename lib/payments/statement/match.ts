import { foldForSearch } from "../../fold";
import { normaliseReference, referencesIn } from "../reference";
import type { StatementLine } from "./types";

/** A registration that may be paid: `dueCents` is what is still outstanding (0 once paid). */
export type OpenItem = { registrationId: string; reference: string; dueCents: number; names: string[] };

export type MatchFit = "exact" | "partial" | "over";
/**
 * not-eur: fees are in euros, so another currency needs a person. several-references: one
 * transfer names two registrations. several-candidates: the amount and name fit more than one.
 */
export type MatchReason = "not-eur" | "several-references" | "several-candidates" | "no-match";

/** `candidates` are registration ids: the match itself, the ones to choose from, or (unmatched) those whose amount alone fits. */
export type MatchedLine =
  | {
      line: StatementLine;
      status: "matched";
      by: "reference" | "amount-name";
      registrationId: string;
      candidates: string[];
      fit: MatchFit;
    }
  | { line: StatementLine; status: "ambiguous" | "unmatched"; candidates: string[]; reason: MatchReason };

/** Folded, de-duplicated and sorted words: "Müller, Hans", "Hans Mueller" and "HANS MULLER" agree. */
function nameKey(name: string): string {
  return [...new Set(foldForSearch(name).split(" ").filter(Boolean))].sort().join(" ");
}

/** The same person by name, whatever the order, case, accents or commas; an empty name matches nothing. */
export function namesMatch(a: string, b: string): boolean {
  const key = nameKey(a);
  return key !== "" && key === nameKey(b);
}

function fitOf(cents: number, outstanding: number): MatchFit {
  return cents === outstanding ? "exact" : cents < outstanding ? "partial" : "over";
}

type Book = {
  byReference: Map<string, string[]>;
  names: Map<string, Set<string>>;
  /** Outstanding per registration, lowered as earlier lines in the file pay it. */
  outstanding: Map<string, number>;
  ids: string[];
};

function openBook(open: OpenItem[]): Book {
  const book: Book = { byReference: new Map(), names: new Map(), outstanding: new Map(), ids: [] };
  for (const item of open) {
    if (book.outstanding.has(item.registrationId)) continue;
    const reference = normaliseReference(item.reference);
    book.byReference.set(reference, [...(book.byReference.get(reference) ?? []), item.registrationId]);
    book.names.set(item.registrationId, new Set(item.names.map(nameKey).filter(Boolean)));
    book.outstanding.set(item.registrationId, Math.max(0, item.dueCents));
    book.ids.push(item.registrationId);
  }
  return book;
}

function matched(line: StatementLine, by: "reference" | "amount-name", id: string, book: Book): MatchedLine {
  const fit = fitOf(line.cents, book.outstanding.get(id) ?? 0);
  return { line, status: "matched", by, registrationId: id, candidates: [id], fit };
}

function decide(line: StatementLine, book: Book): MatchedLine {
  if (line.currency !== "EUR") return { line, status: "unmatched", candidates: [], reason: "not-eur" };
  const referenced = [
    ...new Set(referencesIn(line.remittance).flatMap((reference) => book.byReference.get(reference) ?? [])),
  ];
  if (referenced.length === 1) return matched(line, "reference", referenced[0]!, book);
  if (referenced.length > 1) {
    return { line, status: "ambiguous", candidates: referenced, reason: "several-references" };
  }
  const amountFits = book.ids.filter((id) => book.outstanding.get(id) === line.cents);
  const name = nameKey(line.name);
  const named = name === "" ? [] : amountFits.filter((id) => book.names.get(id)?.has(name));
  if (named.length === 1) return matched(line, "amount-name", named[0]!, book);
  if (named.length > 1) return { line, status: "ambiguous", candidates: named, reason: "several-candidates" };
  return { line, status: "unmatched", candidates: amountFits, reason: "no-match" };
}

/**
 * Assigns each statement line, in file order, to at most one open registration: by a reference in
 * the remittance text, else by the outstanding amount plus the payer's name. A registration paid
 * by an earlier line in the same file owes less (or nothing) for the next one, hence `fit`.
 */
export function matchStatement(lines: StatementLine[], open: OpenItem[]): MatchedLine[] {
  const book = openBook(open);
  return lines.map((line) => {
    const result = decide(line, book);
    if (result.status === "matched") {
      const before = book.outstanding.get(result.registrationId) ?? 0;
      book.outstanding.set(result.registrationId, Math.max(0, before - line.cents));
    }
    return result;
  });
}
