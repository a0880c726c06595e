import { describe, expect, it } from "vitest";
import { RATE_LIMITS } from "@/lib/rate-limits";
import { uniqueSuffix } from "@/test/unique";
import { limitRefusal } from "./route-guards";

describe("limitRefusal", () => {
  it("lets the limit through, then answers 429 with Retry-After and nothing else", async () => {
    const address = `198.51.100.${uniqueSuffix()}`;
    for (let i = 0; i < RATE_LIMITS.passkeyOptionsPerIp.points; i++)
      expect(await limitRefusal("passkeyOptionsPerIp", address)).toBeNull();
    const refused = await limitRefusal("passkeyOptionsPerIp", address);
    expect(refused?.status).toBe(429);
    expect(Number(refused?.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused?.headers.get("cache-control")).toContain("no-store");
  });
});
