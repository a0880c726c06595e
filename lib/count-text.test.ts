import fc from "fast-check";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { messagesFor } from "@/i18n/messages";
import { countText, pluralIsOne, renderCount } from "./count-text";
import { locales } from "./locale";

describe("countText", () => {
  it("renders what the ICU message renders, in every language, for counts up to 999", () => {
    for (const locale of locales) {
      const t = createTranslator({ locale, messages: messagesFor(locale) });
      const texts = [countText((count) => t("event.carsRegistered", { count })), countText((count) => t("event.placesLeft", { count }))];
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 999 }), (count) => {
          expect(renderCount(texts[0]!, count)).toBe(t("event.carsRegistered", { count }));
          expect(renderCount(texts[1]!, count)).toBe(t("event.placesLeft", { count }));
        }),
      );
    }
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
