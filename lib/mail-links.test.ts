import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { composeMail, escapeHtml } from "./mail-links";

describe("composeMail", () => {
  it("makes only our own link lines into links, in order, once each", () => {
    const mail = composeMail([
      "Hello",
      { link: "https://ringmeet.test/a" },
      "Bye",
      { link: "https://ringmeet.test/b" },
      { link: "https://ringmeet.test/a" },
    ]);
    expect(mail.links).toEqual(["https://ringmeet.test/a", "https://ringmeet.test/b"]);
    expect(mail.text).toBe(
      "Hello\n\nhttps://ringmeet.test/a\n\nBye\n\nhttps://ringmeet.test/b\n\nhttps://ringmeet.test/a",
    );
    expect(mail.html.match(/<a /g)).toHaveLength(3);
  });

  it("never turns text someone typed into a link or markup", () => {
    const typed = fc.oneof(
      fc.string(),
      fc.constantFrom(
        "Claim your prize at https://evil.example/win",
        '<a href="https://evil.example">club</a>',
        "www.evil.example",
      ),
    );
    fc.assert(
      fc.property(fc.array(typed, { maxLength: 5 }), (lines) => {
        const mail = composeMail(lines);
        expect(mail.links).toEqual([]);
        expect(mail.html).not.toMatch(/<a[\s>]/);
        expect(mail.html.replace(/<\/?p>/g, "")).not.toMatch(/[<>]/);
      }),
    );
  });
});

describe("escapeHtml", () => {
  it("escapes the five HTML-special characters", () => {
    expect(escapeHtml(`<a href="x">Tom & Jerry's</a>`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;",
    );
  });

  it("leaves no markup behind and can be undone", () => {
    const unescape = (s: string) =>
      s.replace(
        /&lt;|&gt;|&quot;|&#39;|&amp;/g,
        (e) => ({ "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&amp;": "&" })[e]!,
      );
    fc.assert(
      fc.property(fc.string(), (s) => {
        const escaped = escapeHtml(s);
        expect(escaped).not.toMatch(/[<>"']/);
        expect(escaped).not.toMatch(/&(?!amp;|lt;|gt;|quot;|#39;)/);
        expect(unescape(escaped)).toBe(s);
      }),
    );
  });
});
