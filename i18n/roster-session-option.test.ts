import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { messagesFor } from "./messages";

// The registration detail's session picker (roster/[registrationId]) counts an open offer's place
// as the roster's session counts do: said only when there is one.
describe("a session in the roster detail's picker", () => {
  const option = (locale: "en" | "de", offered: number) =>
    createTranslator({ locale, messages: messagesFor(locale) })("roster.detail.sessionOption", {
      session: "Corso",
      confirmed: 29,
      capacity: 30,
      offered,
      waiting: 4,
    });

  it("says how many places are offered to waiting cars, and nothing when none is", () => {
    expect(option("en", 0)).toBe("Corso · 29/30, 4 waiting");
    expect(option("en", 1)).toBe("Corso · 29/30, 1 place offered, 4 waiting");
    expect(option("en", 2)).toBe("Corso · 29/30, 2 places offered, 4 waiting");
    expect(option("de", 0)).toBe("Corso · 29/30, 4 wartend");
    expect(option("de", 1)).toBe("Corso · 29/30, 1 Platz angeboten, 4 wartend");
  });
});
