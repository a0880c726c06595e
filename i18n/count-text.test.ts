import fc from "fast-check";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { countText, renderCount } from "@/lib/count-text";
import { locales } from "@/lib/locale";
import { messagesFor } from "./messages";

// The event page's live counts (app/events/[slug]/_components/live-counts.tsx) word their numbers
// with lib/count-text instead of the ICU messages: they must read exactly the same.
describe("the live counts' words", () => {
  it("match the catalogue's ICU messages in every language, for counts up to 999", () => {
    for (const locale of locales) {
      const t = createTranslator({ locale, messages: messagesFor(locale) });
      const cars = countText((count) => t("event.carsRegistered", { count }));
      const places = countText((count) => t("event.placesLeft", { count }));
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 999 }), (count) => {
          expect(renderCount(cars, count)).toBe(t("event.carsRegistered", { count }));
          expect(renderCount(places, count)).toBe(t("event.placesLeft", { count }));
        }),
      );
    }
  });
});
