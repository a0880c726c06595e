import { mod97 } from "./mod97";

// IBAN length per country from the SWIFT IBAN Registry (ISO 13616). It covers every SEPA member
// (EU, EEA, CH, GB, AD, MC, SM, VA, GI, and AL, MD, ME, MK, RS admitted since 2024) and the other registered
// countries, so a typo'd country or a missing character fails here rather than at the bank.
// Territories that bank under another code (Åland FI, Réunion FR, Jersey GB …) use that code's length.
// prettier-ignore
const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BI: 27, BR: 29, BY: 28,
  CH: 21, CR: 22, CY: 28, CZ: 24, DE: 22, DJ: 27, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18,
  FK: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18, GR: 27, GT: 28, HN: 28, HR: 21, HU: 28,
  IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20,
  LU: 20, LV: 21, LY: 25, MC: 27, MD: 24, ME: 22, MK: 19, MN: 20, MR: 27, MT: 31, MU: 30, NI: 28,
  NL: 18, NO: 15, OM: 23, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, RU: 33, SA: 24,
  SC: 31, SD: 18, SE: 24, SI: 19, SK: 24, SM: 27, SO: 23, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26,
  UA: 29, VA: 22, VG: 24, XK: 20, YE: 30,
};

/** The length ISO 13616 fixes for IBANs of a country ("DE" → 22), or undefined if it has none. */
export function ibanLength(country: string): number | undefined {
  return Object.hasOwn(IBAN_LENGTHS, country) ? IBAN_LENGTHS[country] : undefined;
}

/** Removes all whitespace and upper-cases: the form to store and compare. */
export function normaliseIban(raw: string): string {
  return raw.replace(/\s+/g, "").toUpperCase();
}

/**
 * True when the IBAN, after normaliseIban, has a registered country, that country's length, only
 * A–Z and 0–9, and a correct check. Spaces and lower case in what a person typed are not errors.
 */
export function isValidIban(raw: string): boolean {
  const iban = normaliseIban(raw);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(iban)) return false;
  if (iban.length !== ibanLength(iban.slice(0, 2))) return false;
  // Check digits are 02–98; "00", "01" and "99" pass the sum for some accounts but are never issued,
  // and refusing them means changing any one digit always fails.
  const check = iban.slice(2, 4);
  if (check === "00" || check === "01" || check === "99") return false;
  // The check runs over the IBAN with its first four characters moved to the end.
  return mod97(iban.slice(4) + iban.slice(0, 4)) === 1;
}

/** Groups of four for people to read: "DE89 3704 0044 0532 0130 00". */
export function formatIban(raw: string): string {
  return (
    normaliseIban(raw)
      .match(/.{1,4}/g)
      ?.join(" ") ?? ""
  );
}

/** Removes all whitespace and upper-cases a BIC (SWIFT code). */
export function normaliseBic(raw: string): string {
  return raw.replace(/\s+/g, "").toUpperCase();
}

/**
 * ISO 9362 shape after normaliseBic: 4 letters (bank), 2 letters (country), 2 letters or digits
 * (location) and optionally 3 more (branch): "COBADEFF" or "COBADEFFXXX".
 */
export function isValidBic(raw: string): boolean {
  return /^[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?$/.test(normaliseBic(raw));
}
