import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeHtml, extractLinks } from "./mail-links";

describe("extractLinks", () => {
  it("finds http(s) links in order, without trailing punctuation or duplicates", () => {
    const text = "Sign in: https://ringmeet.test/signin/confirm?token=abc&email=a%40b.test.\nOr (see http://localhost:3000/events). Again: https://ringmeet.test/signin/confirm?token=abc&email=a%40b.test";
    expect(extractLinks(text)).toEqual(["https://ringmeet.test/signin/confirm?token=abc&email=a%40b.test", "http://localhost:3000/events"]);
  });

  it("stops at quotes and angle brackets, ignores other schemes", () => {
    expect(extractLinks(`<a href="https://a.test/x">https://a.test/y</a> ftp://b.test 'https://c.test/z'`)).toEqual([
      "https://a.test/x",
      "https://a.test/y",
      "https://c.test/z",
    ]);
    expect(extractLinks("no links here, just http: and https//")).toEqual([]);
  });

  it("returns each link of a text built from links and prose exactly once", () => {
    const link = fc.stringMatching(/^[a-z0-9/=?&%-]{1,20}$/).map((p) => `https://ringmeet.test/${p}`);
    const prose = fc.constantFrom(" ", "\n", " see ", ". Then ", ", ");
    fc.assert(fc.property(fc.array(fc.tuple(link, prose), { maxLength: 5 }), (parts) => {
      const text = parts.map(([l, p]) => `${l}${p}`).join("");
      expect(extractLinks(text)).toEqual([...new Set(parts.map(([l]) => l))]);
    }));
  });
});

describe("escapeHtml", () => {
  it("escapes the five HTML-special characters", () => {
    expect(escapeHtml(`<a href="x">Tom & Jerry's</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
  });

  it("leaves no markup behind and can be undone", () => {
    const unescape = (s: string) =>
      s.replace(/&lt;|&gt;|&quot;|&#39;|&amp;/g, (e) => ({ "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&amp;": "&" })[e]!);
    fc.assert(fc.property(fc.string(), (s) => {
      const escaped = escapeHtml(s);
      expect(escaped).not.toMatch(/[<>"']/);
      expect(escaped).not.toMatch(/&(?!amp;|lt;|gt;|quot;|#39;)/);
      expect(unescape(escaped)).toBe(s);
    }));
  });
});
