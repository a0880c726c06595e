import "server-only";
import { sqlClient } from "./client";

/** True when Postgres answers a trivial query within two seconds. */
export async function isDatabaseUp(): Promise<boolean> {
  try {
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timeout")), 2000).unref());
    await Promise.race([assertDatabaseAnswers(), timeout]);
    return true;
  } catch {
    return false;
  }
}

/** Throws the driver's error (a connection error: db/unavailable.ts) unless Postgres answers. */
export async function assertDatabaseAnswers(): Promise<void> {
  await sqlClient()`select 1`;
}
