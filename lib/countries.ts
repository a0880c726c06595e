/** Countries a club's cars are registered in (ISO 3166-1 alpha-2); names come from Intl.DisplayNames. */
export const registrationCountries = [
  "DE",
  "AT",
  "CH",
  "NL",
  "BE",
  "LU",
  "FR",
  "IT",
  "GB",
  "IE",
  "DK",
  "SE",
  "NO",
  "FI",
  "PL",
  "CZ",
  "SK",
  "HU",
  "SI",
  "HR",
  "ES",
  "PT",
  "GR",
  "LI",
  "MC",
  "EE",
  "LV",
  "LT",
  "RO",
  "BG",
  "IS",
  "US",
  "CA",
  "AU",
  "NZ",
  "JP",
  "ZA",
] as const;

export function isRegistrationCountry(code: string): boolean {
  return (registrationCountries as readonly string[]).includes(code);
}

export function countryName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: "region" }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Upper-case, single spaces, no stray spaces around dashes: how the gate reads a plate. */
export function normalisePlate(raw: string): string {
  return raw
    .toUpperCase()
    .replace(/\s+/g, " ")
    .replace(/\s*-\s*/g, "-")
    .trim();
}
