import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { LIMITS, tooLong, tooShort } from "@/lib/schemas/limits";
import { messagesFor } from "./messages";

// How app/form-errors.ts words a key with its values ("errors.tooLong?max=80").
const word = (t: ReturnType<typeof createTranslator>, key: string) => {
  const [name = "", query = ""] = key.split("?");
  return t(name as never, Object.fromEntries(new URLSearchParams(query)) as never);
};

describe("length messages", () => {
  it("say the limit in both languages, for every limited field", () => {
    const en = createTranslator({ locale: "en", messages: messagesFor("en") });
    const de = createTranslator({ locale: "de", messages: messagesFor("de") });
    for (const max of Object.values(LIMITS)) {
      expect(word(en, tooLong(max))).toBe(`Keep it to ${max.toLocaleString("en")} characters at most.`);
      expect(word(de, tooLong(max))).toBe(`Höchstens ${max.toLocaleString("de")} Zeichen.`);
    }
    expect(word(en, tooShort(2))).toBe("Use at least 2 characters.");
    expect(word(de, tooShort(2))).toBe("Mindestens 2 Zeichen.");
  });
});
