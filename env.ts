import "server-only";
import { parseEnv, type AppEnv } from "@/lib/env";

let cached: AppEnv | undefined;

/** The validated configuration of this server process (see lib/env.ts). */
export function env(): AppEnv {
  cached ??= parseEnv(process.env);
  return cached;
}
