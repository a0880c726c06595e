import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { RateLimiterDrizzle } from "rate-limiter-flexible";
import { describe, expect, inject, it } from "vitest";
import { RATE_LIMITS } from "@/lib/rate-limits";
import { uniqueEmail } from "@/test/unique";
import { batch } from "./batch";
import { consume, consumeAll, countIn } from "./rate-limit";
import { rateLimits } from "./schema";
import { db } from "./client";

describe("rate limits", () => {
  it("allow the limit, then refuse with the wait, counting refusals too", async () => {
    const key = uniqueEmail("limited");
    const { points, seconds } = RATE_LIMITS.signInPerAddress;
    for (let i = 0; i < points; i++) expect(await consume("signInPerAddress", key)).toEqual({ ok: true });
    const refused = await consume("signInPerAddress", key);
    expect(refused).toMatchObject({ ok: false });
    expect(!refused.ok && refused.retryAfter).toBeGreaterThan(seconds - 30);
    expect(!refused.ok && refused.retryAfter).toBeLessThanOrEqual(seconds);
    expect(await consume("signInPerAddress", key.toUpperCase())).toMatchObject({ ok: false });
    expect(await consume("signInPerAddress", uniqueEmail("other"))).toEqual({ ok: true });
  });

  it("keep no address in the table, only its hash", async () => {
    const key = uniqueEmail("private");
    await consume("signInPerAddress", key);
    const rows = await db().select().from(rateLimits);
    expect(rows.some((r) => r.key.includes(key) || r.key.includes(key.split("@")[0]!))).toBe(false);
  });

  it("are shared by every instance: a second pool on the same database sees the same count", async () => {
    const key = uniqueEmail("shared");
    const second = postgres(inject("databaseUrl"), { max: 2, onnotice: () => {} });
    try {
      const { points } = RATE_LIMITS.signInPerAddress;
      for (let i = 0; i < points; i++) await consume("signInPerAddress", key);
      // What another instance's db/rate-limit.ts builds: the same limiter on its own pool.
      const elsewhere = new RateLimiterDrizzle({
        storeClient: drizzle(second),
        schema: rateLimits,
        keyPrefix: "signInPerAddress",
        points,
        duration: RATE_LIMITS.signInPerAddress.seconds,
        clearExpiredByTimeout: false,
      });
      const { createHash } = await import("node:crypto");
      await expect(elsewhere.consume(createHash("sha256").update(key).digest("base64url"))).rejects.toMatchObject({
        remainingPoints: 0,
      });
    } finally {
      await second.end();
    }
  });

  it("hold under a burst: exactly the limit gets through when many ask at once", async () => {
    const key = uniqueEmail("burst");
    const results = await Promise.all(Array.from({ length: 30 }, () => consume("signInPerAddress", key)));
    expect(results.filter((r) => r.ok)).toHaveLength(RATE_LIMITS.signInPerAddress.points);
  });

  it("report the first refusal of several limits, counting each", async () => {
    const address = uniqueEmail("both");
    const ip = `198.51.100.${Math.floor(Math.random() * 250)}-${address}`;
    for (let i = 0; i < RATE_LIMITS.signInPerAddress.points; i++) await consume("signInPerAddress", address);
    expect(
      await consumeAll([
        ["signInPerAddress", address],
        ["signInPerIp", ip],
      ]),
    ).toMatchObject({ ok: false });
    expect(await consume("signInPerIp", ip)).toEqual({ ok: true });
  });
});

describe("a count sent in a batch (countIn)", () => {
  it("counts on rate-limiter-flexible's row: the two together reach the limit", async () => {
    const key = uniqueEmail("batched");
    const { points } = RATE_LIMITS.registrationsPerUser;
    const counted = async () => (await batch(countIn("registrationsPerUser", key)))[0];
    for (let i = 0; i < points; i++)
      expect(await (i % 2 ? counted() : consume("registrationsPerUser", key))).toEqual({ ok: true });
    const refused = await counted();
    expect(refused).toMatchObject({ ok: false });
    expect(!refused.ok && refused.retryAfter).toBeGreaterThan(50);
    expect(!refused.ok && refused.retryAfter).toBeLessThanOrEqual(60);
    expect(await consume("registrationsPerUser", key.toUpperCase())).toMatchObject({ ok: false });
  });

  it("starts again at one once the window is over", async () => {
    const key = uniqueEmail("expired");
    const { points, seconds } = RATE_LIMITS.registrationsPerUser;
    const past = new Date(Date.now() - 2 * seconds * 1000);
    for (let i = 0; i <= points; i++) await batch(countIn("registrationsPerUser", key, past));
    expect((await batch(countIn("registrationsPerUser", key, past)))[0]).toMatchObject({ ok: false });
    // The window opened at `past` is over: the next attempt is the first of a new one.
    expect((await batch(countIn("registrationsPerUser", key)))[0]).toEqual({ ok: true });
    expect(await consume("registrationsPerUser", key)).toEqual({ ok: true });
  });
});
