import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultLocale, isLocale, localeFromAcceptLanguage, locales, resolveLocale } from "./locale";

describe("localeFromAcceptLanguage", () => {
  it.each([
    [null, "en"],
    ["", "en"],
    ["de", "de"],
    ["de-CH, en;q=0.5", "de"],
    ["DE-at", "de"],
    ["en-GB,en;q=0.9,de;q=0.8", "en"],
    ["en;q=0.5, de", "de"],
    ["fr-FR, fr;q=0.9, de;q=0.3, en;q=0.2", "de"],
    ["fr, es;q=0.5", "en"],
    ["de, en;q=2", "de"], // a q-value above 1 counts as 1: the first of equals wins
    ["de;q=0, en;q=0.1", "en"],
    ["de;q=0", "en"],
    ["de;q=abc, en;q=0.2", "en"],
    ["*", "en"],
    ["de; q=0.8 , en;q=0.7", "de"],
  ])("%j → %s", (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });

  it("always answers one of our locales, whatever the header", () => {
    fc.assert(
      fc.property(fc.option(fc.string(), { nil: undefined }), (header) => {
        expect(locales).toContain(localeFromAcceptLanguage(header));
      }),
    );
  });

  it("picks the supported language with the highest q, the first listed on a tie", () => {
    const entry = fc.record({
      tag: fc.constantFrom("en", "de", "fr", "es", "en-GB", "de-AT", "DE", "nl-BE"),
      q: fc.option(
        fc.integer({ min: 0, max: 1000 }).map((n) => n / 1000),
        { nil: undefined },
      ),
    });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 6 }), (entries) => {
        const header = entries.map((e) => (e.q === undefined ? e.tag : `${e.tag};q=${e.q}`)).join(", ");
        let best: { lang: string; q: number } | undefined;
        for (const e of entries) {
          const lang = e.tag.toLowerCase().split("-")[0]!;
          const q = e.q ?? 1;
          if (isLocale(lang) && q > 0 && (!best || q > best.q)) best = { lang, q };
        }
        expect(localeFromAcceptLanguage(header)).toBe(best?.lang ?? defaultLocale);
      }),
    );
  });
});

describe("resolveLocale", () => {
  it("lets a valid cookie win over the header", () => {
    fc.assert(
      fc.property(fc.constantFrom(...locales), fc.option(fc.string(), { nil: null }), (cookie, header) => {
        expect(resolveLocale(cookie, header)).toBe(cookie);
      }),
    );
  });

  it("ignores an unknown cookie and falls back to the header", () => {
    expect(resolveLocale("fr", "de")).toBe("de");
    expect(resolveLocale("", "de;q=0.9")).toBe("de");
    expect(resolveLocale("EN", "de")).toBe("de");
    fc.assert(
      fc.property(
        fc.string().filter((c) => !isLocale(c)),
        fc.string(),
        (cookie, header) => {
          expect(resolveLocale(cookie, header)).toBe(localeFromAcceptLanguage(header));
        },
      ),
    );
  });
});

describe("Accept-Language with optional white space", () => {
  it("reads a tag followed by spaces before its q-value", () => {
    expect(localeFromAcceptLanguage("fr;q=0.9, de ; q=0.8")).toBe("de");
  });
});
