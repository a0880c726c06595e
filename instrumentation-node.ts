import { parseEnv } from "./lib/env";

// A bad environment stops the server with one clear line instead of failing on the first request.
if (process.env.NEXT_PHASE !== "phase-production-build") {
  try {
    parseEnv(process.env);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
