import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pathWithQuery, signInLinkFrom, signInPath } from "./auth-guard";
import { safeCallbackPath } from "./safe-path";

const backFrom = (link: string) => new URL(link, "http://site.invalid").searchParams.get("callbackUrl");

describe("signInPath", () => {
  it("keeps the page but not a query too long to come back through (the fuzzer's 5,000-character redirect)", () => {
    const page = "/organise/events/meet/roster.csv";
    expect(signInPath(`${page}?q=${"%01".repeat(1000)}`)).toBe(`/signin?${new URLSearchParams({ callbackUrl: page })}`);
    expect(signInPath(`/${"x".repeat(3000)}`)).toBe("/signin");
    expect(backFrom(signInPath(`${page}?session=abc`))).toBe(`${page}?session=abc`);
  });
});

describe("signInLinkFrom", () => {
  it("comes back to the page it was pressed on, query string included", () => {
    expect(signInLinkFrom("/events/1m-meet")).toBe(signInPath("/events/1m-meet"));
    expect(backFrom(signInLinkFrom("/events?from=newsletter&lang=en"))).toBe("/events?from=newsletter&lang=en");
    expect(backFrom(signInLinkFrom("/"))).toBe("/");
  });

  it("on the sign-in pages keeps the way back they carry, else none", () => {
    expect(backFrom(signInLinkFrom("/signin?callbackUrl=%2Fregistrations"))).toBe("/registrations");
    expect(signInLinkFrom("/signin")).toBe("/signin");
    expect(signInLinkFrom("/signin/check-email?email=a%40b.de")).toBe("/signin");
    expect(signInLinkFrom("/signin?callbackUrl=https%3A%2F%2Fevil.example")).toBe("/signin");
    expect(signInLinkFrom("/signin?callbackUrl=%2Fsignin")).toBe("/signin");
  });

  it("never leads anywhere but a path on this site", () => {
    for (const here of ["//evil.example", "/\\evil.example", "/\\", "https://evil.example/x", "/api/dev/mail"]) {
      expect(signInLinkFrom(here), here).toBe("/signin");
    }
    fc.assert(
      fc.property(fc.string(), (here) => {
        const back = backFrom(signInLinkFrom(here));
        if (back !== null) expect(safeCallbackPath(back, "refused")).toBe(back);
      }),
    );
  });
});

describe("pathWithQuery", () => {
  it("joins segments and every search value, repeated keys included", () => {
    expect(pathWithQuery([])).toBe("/");
    expect(pathWithQuery(["events", "1m-meet"])).toBe("/events/1m-meet");
    expect(pathWithQuery(["events"], { from: "newsletter", tag: ["a", "b"], none: undefined })).toBe(
      "/events?from=newsletter&tag=a&tag=b",
    );
    expect(pathWithQuery(["garage", "ä b"], { q: "x&y" })).toBe("/garage/%C3%A4%20b?q=x%26y");
  });
});
