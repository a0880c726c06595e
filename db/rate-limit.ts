import "server-only";
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";
import { RATE_LIMITS, retryAfterSeconds, type LimitName } from "@/lib/rate-limits";
import type { Batched } from "./batch";
import { db } from "./client";
import type { Db } from "./query";
import { rateLimits } from "./schema";

export type Limited = { ok: true } | { ok: false; retryAfter: number };

const limiters = new Map<LimitName, RateLimiterDrizzle>();

/** A limiter counting in `storeClient`, the pool. */
function newLimiter(name: LimitName, storeClient: Db): RateLimiterDrizzle {
  const { points, seconds } = RATE_LIMITS[name];
  // Expired rows are purged by the retention job (db/retention.ts), not by a timer per limiter.
  return new RateLimiterDrizzle({
    storeClient,
    schema: rateLimits,
    keyPrefix: name,
    points,
    duration: seconds,
    clearExpiredByTimeout: false,
  });
}

function limiter(name: LimitName): RateLimiterDrizzle {
  let found = limiters.get(name);
  if (!found) limiters.set(name, (found = newLimiter(name, db())));
  return found;
}

// Keys name people (an address, an IP): only their hash is stored.
const hashed = (key: string) => createHash("sha256").update(key).digest("base64url");

/**
 * Counts one attempt against `name` for `key` in Postgres, so the limit holds across instances.
 * Refused attempts count too: hammering past the limit does not shorten the wait.
 */
export function consume(name: LimitName, key: string): Promise<Limited> {
  return counted(limiter(name), key);
}

/**
 * consume's count as one statement of a batch (db/batch.ts), for the registration's reads: the
 * row and the upsert rate-limiter-flexible's Drizzle store writes (its key `<name>:<hash>`, points
 * restarting at 1 once the window expired), so both count together (db/rate-limit.test.ts). It
 * spares the registration a pooled connection and a round trip of its own.
 */
export function countIn(name: LimitName, key: string, now = new Date()): Batched<Limited> {
  const { points, seconds } = RATE_LIMITS[name];
  const at = now.toISOString();
  const expire = new Date(now.getTime() + seconds * 1000).toISOString();
  return {
    query: sql`insert into rate_limits (key, points, expire) values (${`${name}:${hashed(key.toLowerCase())}`}, 1, ${expire}::timestamptz)
      on conflict (key) do update set
        points = case when rate_limits.expire <= ${at}::timestamptz then 1 else rate_limits.points + 1 end,
        expire = case when rate_limits.expire <= ${at}::timestamptz then ${expire}::timestamptz else rate_limits.expire end
      returning points, (extract(epoch from expire) * 1000)::float8 as expire_ms`,
    read: ([row]) =>
      Number(row!.points) <= points
        ? { ok: true }
        : { ok: false, retryAfter: retryAfterSeconds(Math.max(Number(row!.expire_ms) - Date.now(), 0)) },
  };
}

async function counted(limiter: RateLimiterDrizzle, key: string): Promise<Limited> {
  try {
    await limiter.consume(hashed(key.toLowerCase()));
    return { ok: true };
  } catch (outcome) {
    if (outcome instanceof RateLimiterRes) return { ok: false, retryAfter: retryAfterSeconds(outcome.msBeforeNext) };
    throw outcome;
  }
}

/** Consumes every limit in turn and answers with the first refusal (each one still counted). */
export async function consumeAll(checks: [LimitName, string][]): Promise<Limited> {
  let refused: Limited = { ok: true };
  for (const [name, key] of checks) {
    const result = await consume(name, key);
    if (!result.ok && refused.ok) refused = result;
  }
  return refused;
}
