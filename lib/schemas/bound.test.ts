import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gridRefArg, idArg, positionArg, refArg, slugArg, tokenArg } from "./bound";
import { holdsWebAddress } from "./fields";

const hostile: unknown[] = [
  undefined,
  null,
  0,
  -1,
  1.5,
  NaN,
  true,
  [],
  {},
  "",
  " ",
  "-".repeat(36),
  "../../etc",
  "a".repeat(61),
  "1m-meet\u0000",
  "1M-MEET",
  "slug with spaces",
  "' or 1=1 --",
  { toString: () => "1m-meet" },
  ["1m-meet"],
];

describe("bound arguments", () => {
  it("refuse every forged shape a browser could send back", () => {
    for (const value of hostile) {
      for (const schema of [slugArg, idArg, tokenArg, positionArg]) expect(schema.safeParse(value).success).toBe(false);
      expect(refArg.safeParse({ id: value, slug: "1m-meet" }).success).toBe(false);
      expect(gridRefArg.safeParse({ slug: value, sessionId: crypto.randomUUID() }).success).toBe(false);
    }
  });

  it("refuse ids that only look like UUIDs to a loose pattern", () => {
    for (const value of ["0".repeat(36), "-".repeat(36), "0b4c1d2e-0000-4000-8000-00000000000g"])
      expect(idArg.safeParse(value).success).toBe(false);
  });

  it("accept what the pages bind, and nothing with extra keys", () => {
    const id = crypto.randomUUID();
    expect(refArg.parse({ id, slug: "1m-meet-2027" })).toEqual({ id, slug: "1m-meet-2027" });
    expect(refArg.safeParse({ id, slug: "1m-meet", name: "<script>" }).success).toBe(false);
    expect(gridRefArg.parse({ slug: "1m-meet", sessionId: id })).toEqual({ slug: "1m-meet", sessionId: id });
    expect(positionArg.parse(3)).toBe(3);
  });

  it("never let anything but a UUID through as an id (fuzzed)", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.uuid()), (s) => {
        expect(idArg.safeParse(s).success).toBe(
          /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s),
        );
      }),
    );
  });
});

describe("names that are mailed to others", () => {
  it.each([
    "Win at https://evil.example",
    "visit www.evil.example",
    "evil-offers.com/prize",
    "Club.de Treffen",
    "ftp://x",
  ])("refuse %j", (name) => {
    expect(holdsWebAddress(name)).toBe(true);
  });

  it.each([
    "1M Owners Club",
    "1M Meet 2027",
    "BMW Club e.V.",
    "St. Moritz Runde",
    "Photo session, GP straight",
    "Nürburgring 24h",
  ])("allow %j", (name) => {
    expect(holdsWebAddress(name)).toBe(false);
  });
});
