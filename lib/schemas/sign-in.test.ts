import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fieldErrorKeys } from "../form-result";
import { safeCallbackPath, signInSchema } from "./sign-in";

function emailError(email: unknown): string | undefined {
  const result = signInSchema.safeParse({ email, callbackUrl: "/garage" });
  return result.success ? undefined : fieldErrorKeys(result.error.issues).email;
}

describe("signInSchema", () => {
  it("lower-cases and trims the e-mail", () => {
    const result = signInSchema.parse({ email: "  Owner.One@Example.TEST \n", callbackUrl: "/events/1m-meet" });
    expect(result).toEqual({ email: "owner.one@example.test", callbackUrl: "/events/1m-meet" });
  });

  it.each([
    [undefined, "errors.emailRequired"],
    [null, "errors.emailRequired"],
    ["", "errors.emailRequired"],
    ["   ", "errors.emailRequired"],
    ["not-an-email", "errors.emailInvalid"],
    ["owner@", "errors.emailInvalid"],
    ["@example.test", "errors.emailInvalid"],
    ["two@@example.test", "errors.emailInvalid"],
    [`${"a".repeat(64)}@${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(63)}.test`, "errors.emailInvalid"],
  ])("rejects %j with %s", (email, key) => {
    expect(emailError(email)).toBe(key);
  });

  it("accepts an address of exactly 254 characters but not 255", () => {
    const local = "a".repeat(64);
    const domainOf = (length: number) => `${"b".repeat(length - 5)}.test`.replace(/^(.{60})/, "$1.");
    const at254 = `${local}@${domainOf(254 - 65 - 1)}`;
    expect(at254).toHaveLength(254);
    expect(emailError(at254)).toBeUndefined();
    expect(emailError(`${local}@${domainOf(255 - 65 - 1)}`)).toBe("errors.emailInvalid");
  });

  it("replaces an unsafe callback with /garage", () => {
    expect(signInSchema.parse({ email: "a@example.test", callbackUrl: "https://evil.com" }).callbackUrl).toBe(
      "/garage",
    );
    // formData.get() gives null for a form without the hidden field.
    expect(signInSchema.parse({ email: "a@example.test", callbackUrl: null }).callbackUrl).toBe("/garage");
    expect(signInSchema.parse({ email: "a@example.test" }).callbackUrl).toBe("/garage");
  });
});

describe("safeCallbackPath", () => {
  it.each([
    "//evil.com",
    "//evil.com/garage",
    "https://evil.com",
    "http://evil.com/x",
    "/\\evil.com",
    "/\\/evil.com",
    "/\t/evil.com",
    "/\n/evil.com",
    "javascript:alert(1)",
    "evil.com",
    "",
    "/signin",
    "/signin?callbackUrl=/x",
    "/signin/confirm",
    "/api/auth/signout",
    "/api/health",
  ])("refuses %j", (value) => {
    expect(safeCallbackPath(value)).toBe("/garage");
  });

  // Found by the fuzzer: a 10 kB way back became a redirect Next could not follow (it answered "{}").
  it("refuses a path longer than any link of ours", () => {
    expect(safeCallbackPath(`/garage?${"a".repeat(2000)}`)).toBe("/garage");
    expect(safeCallbackPath(`/garage?${"a".repeat(1900)}`)).toBe(`/garage?${"a".repeat(1900)}`);
  });

  it("refuses non-strings and honours a custom fallback", () => {
    expect(safeCallbackPath(undefined)).toBe("/garage");
    expect(safeCallbackPath(["/events"])).toBe("/garage");
    expect(safeCallbackPath(42, "/events")).toBe("/events");
  });

  it.each(["/", "/events/1m-meet", "/registrations/3f2a?tab=sessions#top", "/garage/new"])(
    "keeps the site path %j",
    (value) => {
      expect(safeCallbackPath(value)).toBe(value);
    },
  );

  it("only ever answers a path that starts with a single slash", () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const path = safeCallbackPath(value);
        expect(path.startsWith("/")).toBe(true);
        expect(path.startsWith("//")).toBe(false);
        expect(path.startsWith("/\\")).toBe(false);
      }),
    );
  });
});
