import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isUuid } from "./uuid";

describe("isUuid", () => {
  it("accepts every UUID, in either case", () => {
    fc.assert(fc.property(fc.uuid(), (id) => isUuid(id) && isUuid(id.toUpperCase())));
  });

  it("refuses what Postgres would refuse with an error", () => {
    for (const bad of [
      "-".repeat(36),
      "0".repeat(36),
      "1234",
      "",
      "0b4c1d2e-0000-4000-8000-00000000000g",
      " 0b4c1d2e-0000-4000-8000-000000000000",
    ])
      expect(isUuid(bad)).toBe(false);
  });
});
