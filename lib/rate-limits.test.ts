import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RATE_LIMITS, rateLimitedKey, retryAfterSeconds, waitFor } from "./rate-limits";

describe("rate limit wording", () => {
  it("never asks to wait 0 seconds, and rounds the wait up", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 9 }), (ms) => {
        const seconds = retryAfterSeconds(ms);
        expect(seconds).toBeGreaterThanOrEqual(1);
        expect(seconds * 1000).toBeGreaterThanOrEqual(ms);
        const { n } = waitFor(seconds);
        expect(n).toBeGreaterThanOrEqual(1);
      }),
    );
  });

  it("says seconds, minutes or hours as a person would", () => {
    expect(rateLimitedKey(40)).toBe("errors.rateLimited.seconds?n=40");
    expect(rateLimitedKey(15 * 60)).toBe("errors.rateLimited.minutes?n=15");
    expect(rateLimitedKey(24 * 3600)).toBe("errors.rateLimited.hours?n=24");
  });
});

describe("docs/SECURITY.md", () => {
  it("lists every limit with its number, as lib/rate-limits.ts has it", () => {
    const doc = readFileSync(new URL("../docs/SECURITY.md", import.meta.url), "utf8");
    const rows = [...doc.matchAll(/^\| (\w+) \| [^|]+ \| ([^|]+) \|$/gm)].filter(([, name]) => name! in RATE_LIMITS);
    expect(rows.map(([, name]) => name).sort()).toEqual(Object.keys(RATE_LIMITS).sort());
    for (const [, name, allowed] of rows)
      expect(allowed).toContain(`${RATE_LIMITS[name as keyof typeof RATE_LIMITS].points} `);
  });
});
