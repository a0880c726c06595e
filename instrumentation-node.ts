import { parseEnv } from "./lib/env";
import { trackPeerAddresses } from "./peer-address";

// First, before any request is handled: the development mailbox answers loopback only.
trackPeerAddresses();

// A bad environment stops the server with one clear line instead of failing on the first request.
if (process.env.NEXT_PHASE !== "phase-production-build") {
  try {
    const env = parseEnv(process.env);
    // The mail queue is worked by the app's own processes (RINGMEET_WORKER=0 opts an instance out).
    if (process.env.RINGMEET_WORKER !== "0") {
      // Supervised: started again, with backoff, when it fails at boot or stops (db/worker-supervisor.ts).
      const { startMailWorker } = await import("./db/worker-supervisor");
      startMailWorker(env.databaseUrl);
    }
    // Every instance hears when an event's page changed elsewhere and expires its own copy.
    const { startEventCacheSync } = await import("./app/events/cache-sync");
    startEventCacheSync().catch((error) => console.error(`[cache] not listening for event changes: ${error instanceof Error ? error.message : error}`));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
