/**
 * ISO 7064 MOD 97-10 of an alphanumeric string as given (letters count as 10–35), the check of
 * both IBANs (ISO 13616) and creditor references (ISO 11649). Folding one character at a time
 * keeps the running value below 97 × 100, so no BigInt is needed.
 */
export function mod97(alphanumeric: string): number {
  let rest = 0;
  for (const char of alphanumeric) {
    const value = parseInt(char, 36);
    rest = (rest * (value < 10 ? 10 : 100) + value) % 97;
  }
  return rest;
}
