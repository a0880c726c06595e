import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pointAppAt, pointAppBack, startSecondPostgres } from "@/test/app-database";

// Also the test of db/health.ts: the route is a thin wrapper over isDatabaseUp and the worker's status.
describe("GET /api/health", () => {
  it("answers 200 {status: ok, db: ok} while Postgres answers (worker off: this process runs none)", async () => {
    const { GET } = await import("./route");
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ status: "ok", db: "ok", worker: "off" });
  });

  describe("when Postgres goes away and comes back", () => {
    let second: Awaited<ReturnType<typeof startSecondPostgres>>;
    beforeAll(async () => {
      second = await startSecondPostgres();
      await pointAppAt(second.url);
    });
    afterAll(async () => {
      await pointAppBack();
      await second?.dispose();
    });

    it("answers 503 with db: down, and 200 again once it is back, on the same pool", async () => {
      const { GET } = await import("./route");
      expect((await GET()).status).toBe(200);
      await second.stop();
      const started = Date.now();
      const response = await GET();
      // isDatabaseUp gives up after 2 s, so a dead database never hangs the probe.
      expect(Date.now() - started).toBeLessThan(4000);
      expect(response.status).toBe(503);
      expect(response.headers.get("cache-control")).toBe("no-store");
      const body = await response.json();
      expect(body).toMatchObject({ status: expect.any(String), db: "down" });
      expect(body.status).not.toBe("ok");

      await second.start();
      // The pool reconnects by itself: no restart of the app, no new pool.
      const back = await GET();
      expect(back.status).toBe(200);
      expect(await back.json()).toMatchObject({ status: "ok", db: "ok" });
    });

    // Failed with postgres.js's own backoff: after a dozen failed connections it waited up to 20 s
    // before the next try, and health (and the app's pool) stayed down that long after the return.
    it("is 200 again within two seconds of the database's return, however many probes failed meanwhile", async () => {
      const { GET } = await import("./route");
      const { sqlClient } = await import("@/db/client");
      await second.stop();
      for (let i = 0; i < 12; i++) {
        expect((await GET()).status).toBe(503);
        await sqlClient()`select 1`.catch(() => null);
      }
      await second.start();
      const back = Date.now();
      while ((await GET()).status !== 200) await new Promise((r) => setTimeout(r, 100));
      await sqlClient()`select 1`;
      expect(Date.now() - back).toBeLessThan(2000);
    });
  });
});
