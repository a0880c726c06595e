import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { inject, vi } from "vitest";
import { freePort, startEmbeddedPostgres } from "@/scripts/embedded-postgres";

type Closable = { end: (options?: { timeout?: number }) => Promise<void> };
type PoolCache = { __ringmeetDb?: { sql?: Closable; probe?: Closable } };

/**
 * Points the app's own db/client.ts at `url`: closes the cached pool (globalThis.__ringmeetDb)
 * and resets the module registry so env() reads DATABASE_URL again. Import app modules
 * dynamically after calling this.
 */
export async function pointAppAt(url: string): Promise<void> {
  const cache = globalThis as unknown as PoolCache;
  await Promise.all([cache.__ringmeetDb?.sql?.end({ timeout: 1 }), cache.__ringmeetDb?.probe?.end({ timeout: 1 })]);
  delete cache.__ringmeetDb;
  process.env.DATABASE_URL = url;
  vi.resetModules();
}

export const pointAppBack = () => pointAppAt(inject("databaseUrl"));

/** A second, throwaway PostgreSQL (own temporary folder and port) that a test may stop and start again. */
export async function startSecondPostgres() {
  const workDir = mkdtempSync(path.join(os.tmpdir(), "ringmeet-vitest-second-"));
  chmodSync(workDir, 0o755); // the server runs as the `postgres` OS user when we are root
  const options = { dataDir: path.join(workDir, "pg"), port: await freePort() };
  let pg = await startEmbeddedPostgres(options);
  let running = true;
  const stop = async () => {
    if (running) await pg.stop();
    running = false;
  };
  return {
    url: pg.url("postgres"),
    stop,
    async start() {
      if (!running) pg = await startEmbeddedPostgres(options);
      running = true;
    },
    async dispose() {
      await stop();
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}
