import { describe, expect, it } from "vitest";
import { microCache } from "./micro-cache";

function clock() {
  let t = 0;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe("microCache", () => {
  it("shares one load between callers within the time to live, then loads again", async () => {
    const c = clock();
    let loads = 0;
    const cache = microCache(async (key) => `${key}:${++loads}`, { ttlMs: 2000, now: c.now });
    const [a, b] = await Promise.all([cache.get("x"), cache.get("x")]);
    expect([a, b, loads]).toEqual(["x:1", "x:1", 1]);
    c.advance(1999);
    expect(await cache.get("x")).toBe("x:1");
    c.advance(1);
    expect(await cache.get("x")).toBe("x:2");
  });

  it("forget makes the next call load", async () => {
    let loads = 0;
    const cache = microCache(async () => ++loads, { ttlMs: 60_000 });
    await cache.get("x");
    cache.forget("x");
    expect(await cache.get("x")).toBe(2);
  });

  it("does not keep a failed load", async () => {
    let fail = true;
    const cache = microCache(
      async () => {
        if (fail) throw new Error("db down");
        return "ok";
      },
      { ttlMs: 60_000 },
    );
    await expect(cache.get("x")).rejects.toThrow("db down");
    fail = false;
    expect(await cache.get("x")).toBe("ok");
  });

  it("holds at most maxKeys keys, dropping the oldest", async () => {
    let loads = 0;
    const cache = microCache(async (key) => `${key}:${++loads}`, { ttlMs: 60_000, maxKeys: 2 });
    await cache.get("a");
    await cache.get("b");
    await cache.get("c");
    expect(await cache.get("b")).toBe("b:2");
    expect(await cache.get("a")).toBe("a:4");
  });
});
