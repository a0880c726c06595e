import "server-only";
import { probeClient } from "./client";

/** True when Postgres answers a trivial query within two seconds, on a connection outside the busy pool. */
export async function isDatabaseUp(): Promise<boolean> {
  try {
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timeout")), 2000).unref());
    await Promise.race([probeClient()`select 1`, timeout]);
    return true;
  } catch {
    return false;
  }
}
