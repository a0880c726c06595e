import { mod97 } from "./mod97";

/**
 * ISO 11649 "RF" creditor references: what a payer types into the remittance line so a bank
 * statement can be matched to a registration. Ours are "RF" + check digits + "RM" + 8 characters.
 */

/** No 0/O or 1/I: a reference is read off a screen or a letter and typed by hand. */
const ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
const BODY_PREFIX = "RM";
const BODY_RANDOM_LENGTH = 8;
/** ISO 11649: "RF", two check digits, then 1 to 21 characters. */
const MIN_LENGTH = 5;
const MAX_LENGTH = 25;

/**
 * Uniform draws in [0, 1) for one reference, from one call to the system's generator (a call per
 * character cost about 20 µs each on a busy server, once per registration).
 */
function secureRandom(): () => number {
  const words = globalThis.crypto.getRandomValues(new Uint32Array(BODY_RANDOM_LENGTH));
  let next = 0;
  return () => words[next++]! / 2 ** 32;
}

function checkDigits(body: string): string {
  return String(98 - mod97(`${body}RF00`)).padStart(2, "0");
}

/** A fresh reference; `random` (uniform in [0, 1)) is only replaced by tests that need repeatable ones. */
export function newReference(random: () => number = secureRandom()): string {
  let body = BODY_PREFIX;
  for (let i = 0; i < BODY_RANDOM_LENGTH; i++) {
    body += ALPHABET[Math.min(ALPHABET.length - 1, Math.floor(random() * ALPHABET.length))];
  }
  return `RF${checkDigits(body)}${body}`;
}

/** Strips all whitespace and upper-cases, so "rf18 rm7k…" compares equal to what we issued. */
export function normaliseReference(s: string): string {
  return s.replace(/\s+/g, "").toUpperCase();
}

/** True for any check-digit-valid ISO 11649 reference, ours or another creditor's. */
export function isValidReference(s: string): boolean {
  const ref = normaliseReference(s);
  if (ref.length < MIN_LENGTH || ref.length > MAX_LENGTH) return false;
  if (!/^RF\d{2}[0-9A-Z]+$/.test(ref)) return false;
  // The check digits are always 02..98; 00, 01 and 99 pass mod 97 only by aliasing 97, 98 and 02.
  const check = Number(ref.slice(2, 4));
  if (check < 2 || check > 98) return false;
  return mod97(ref.slice(4) + ref.slice(0, 4)) === 1;
}

/** Groups of four for reading aloud or off paper: "RF18 RM7K 4Q9X 2A". */
export function formatReference(s: string): string {
  return normaliseReference(s).replace(/(.{4})(?=.)/g, "$1 ");
}

/**
 * Splits a text into the words a reference can be spread over: a reference may be broken by
 * whitespace ("rf18 rm7k 4q9x 2a") but ends where punctuation or a letter outside A–Z starts.
 */
function islands(text: string): { compact: string; ends: Set<number> }[] {
  return text
    .toUpperCase()
    .split(/[^0-9A-Z\s]+/)
    .map((island) => {
      let compact = "";
      const ends = new Set<number>();
      for (const word of island.split(/\s+/)) {
        if (!word) continue;
        compact += word;
        ends.add(compact.length);
      }
      return { compact, ends };
    });
}

/**
 * Every check-digit-valid reference in free remittance text, normalised, de-duplicated, in order.
 * A reference must end at a word boundary but may start inside a word ("Ref.RF18…", "NrRF18…").
 * Candidates of several lengths from one "RF" can all pass mod 97 (about 1 in 97 each), so
 * this can return a stray extra; callers intersect with the references they issued.
 */
export function referencesIn(text: string): string[] {
  const found = new Set<string>();
  for (const { compact, ends } of islands(text)) {
    for (let start = compact.indexOf("RF"); start !== -1; start = compact.indexOf("RF", start + 1)) {
      for (let end = start + MIN_LENGTH; end <= Math.min(compact.length, start + MAX_LENGTH); end++) {
        if (!ends.has(end)) continue;
        const candidate = compact.slice(start, end);
        if (isValidReference(candidate)) found.add(candidate);
      }
    }
  }
  return [...found];
}
