import { parseEnv } from "./lib/env";
import { trackPeerAddresses } from "./server/peer-address";
import { requestFailed, serveAtOnce, trackRequests } from "./server/requests";
import { closeOnShutdown, handleShutdownSignals } from "./server/shutdown";

// First, before any request is handled: the development mailbox answers loopback only; requests
// are counted (to drain them on shutdown) and a database outage is answered 503.
trackPeerAddresses();
trackRequests();
(globalThis as { __ringmeetRequestFailed?: typeof requestFailed }).__ringmeetRequestFailed = requestFailed;

// A bad environment stops the server with one clear line instead of failing on the first request.
if (process.env.NEXT_PHASE !== "phase-production-build") {
  try {
    const env = parseEnv(process.env);
    serveAtOnce(env.maxInFlight);
    // What to close on SIGTERM, in the order it started (closed newest first: server/shutdown.ts).
    const { closeDatabasePool } = await import("./db/client");
    closeOnShutdown("database pool", () => closeDatabasePool());
    // The mail queue is worked by the app's own processes (RINGMEET_WORKER=0 opts an instance out).
    if (process.env.RINGMEET_WORKER !== "0") {
      const { startMailWorker } = await import("./db/worker/supervisor");
      const worker = startMailWorker(env.databaseUrl);
      closeOnShutdown("mail worker", () => worker.stop());
    }
    // Every instance hears when an event's page changed elsewhere and expires its own copy.
    const { startEventCacheSync } = await import("./app/events/cache-sync");
    startEventCacheSync()
      .then((sync) => closeOnShutdown("event cache listener", () => sync.stop()))
      .catch((error) =>
        console.error(`[cache] not listening for event changes: ${error instanceof Error ? error.message : error}`),
      );
    // Our launchers set it (scripts/next-process.ts): Next.js then leaves SIGTERM to us.
    if (process.env.NEXT_MANUAL_SIG_HANDLE) handleShutdownSignals();
    else if (env.production)
      console.warn(
        "[shutdown] NEXT_MANUAL_SIG_HANDLE is not set: on SIGTERM Next.js exits without stopping the mail worker (start with `npm start`).",
      );
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
