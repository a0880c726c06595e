/**
 * "92 cars registered" for a count that changes in the browser, without shipping an ICU message
 * parser to it: the server renders the message once for 1 and once for another number, and
 * keeps the words around the number. The browser only joins them.
 *
 * Our languages (lib/locale: English, German) have two plural forms for whole numbers, "one"
 * for exactly 1 and "other" for the rest (CLDR: i = 1 and v = 0); count-text.test.ts holds
 * this against Intl.PluralRules for every locale, so adding a language with other rules fails there.
 */
export type CountText = { one: readonly [string, string]; other: readonly [string, string] };

// A sample that formats the same in every locale (no grouping separator) and appears once.
const SAMPLE_OTHER = 7;

function around(text: string, count: number): readonly [string, string] {
  const parts = text.split(String(count));
  if (parts.length !== 2) throw new Error(`count text: expected the number ${count} exactly once in "${text}"`);
  return [parts[0]!, parts[1]!];
}

/** `format(count)` is the translated message, e.g. t("carsRegistered", { count }). */
export function countText(format: (count: number) => string): CountText {
  return { one: around(format(1), 1), other: around(format(SAMPLE_OTHER), SAMPLE_OTHER) };
}

export function pluralIsOne(count: number): boolean {
  return count === 1;
}

export function renderCount(text: CountText, count: number): string {
  const [before, after] = pluralIsOne(count) ? text.one : text.other;
  return `${before}${count}${after}`;
}
