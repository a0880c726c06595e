const TRANSLITERATION: Record<string, number> = {
  A: 1,
  B: 2,
  C: 3,
  D: 4,
  E: 5,
  F: 6,
  G: 7,
  H: 8,
  J: 1,
  K: 2,
  L: 3,
  M: 4,
  N: 5,
  P: 7,
  R: 9,
  S: 2,
  T: 3,
  U: 4,
  V: 5,
  W: 6,
  X: 7,
  Y: 8,
  Z: 9,
};
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/** Upper-cases and removes spaces and dashes people type into a VIN. */
export function normaliseVin(raw: string): string {
  return raw.replace(/[\s-]/g, "").toUpperCase();
}

/** 17 characters from A–Z and 0–9, never I, O or Q. */
export function isVinShape(vin: string): boolean {
  return /^[A-HJ-NPR-Z0-9]{17}$/.test(vin);
}

/** The ISO 3779 / North American check digit (position 9) for a VIN-shaped string. */
export function vinCheckDigit(vin: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const c = vin[i]!;
    const value = /[0-9]/.test(c) ? Number(c) : (TRANSLITERATION[c] ?? 0);
    sum += value * WEIGHTS[i]!;
  }
  const rest = sum % 11;
  return rest === 10 ? "X" : String(rest);
}

export function hasValidCheckDigit(vin: string): boolean {
  return isVinShape(vin) && vin[8] === vinCheckDigit(vin);
}
