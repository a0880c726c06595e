import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countText, pluralIsOne, renderCount } from "./count-text";
import { locales } from "./locale";

// The same check against our real catalogue is in i18n/count-text.test.ts.
const english = (count: number) => (count === 1 ? "1 car registered" : `${count} cars registered`);

describe("countText", () => {
  it("renders what the message renders, for any count", () => {
    const text = countText(english);
    fc.assert(fc.property(fc.nat(100_000), (count) => renderCount(text, count) === english(count)));
  });

  it("chooses the plural form as Intl.PluralRules does for each of our languages", () => {
    for (const locale of locales) {
      const rules = new Intl.PluralRules(locale);
      fc.assert(fc.property(fc.nat(100_000), (count) => pluralIsOne(count) === (rules.select(count) === "one")));
    }
  });

  it("refuses a message that does not show the number once", () => {
    expect(() => countText((count) => (count === 1 ? "one car" : `${count} cars`))).toThrow(/exactly once/);
    expect(() => countText((count) => `${count} of ${count}`)).toThrow(/exactly once/);
  });
});
