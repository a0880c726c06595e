import { requestsInFlight, stopServing } from "./requests";

// Graceful shutdown of one server process. On SIGTERM (or Ctrl-C) it stops taking requests,
// lets those in flight finish, then closes what the process opened, newest first: the mail worker
// (its running jobs finish or are handed back to the queue) before the pool its jobs query
// through. Next.js's own handler only drains HTTP and exits, so our launchers start it with
// NEXT_MANUAL_SIG_HANDLE=1 (scripts/next-process.ts) and this handler does the whole job.

/** How long requests in flight may take to finish before their connections are cut. */
export const DRAIN_SECONDS = 20;
/** How long each thing to close may take. */
const CLOSE_SECONDS = 10;

type Closer = { name: string; close: () => Promise<void> };
type State = { closers: Closer[]; installed: boolean; running?: Promise<void> };
const state = ((globalThis as { __ringmeetShutdown?: State }).__ringmeetShutdown ??= { closers: [], installed: false });

/**
 * Registers something this process must close on shutdown (a pool, a worker, a listening
 * connection). Closed in reverse order of registration: what started last stops first.
 */
export function closeOnShutdown(name: string, close: () => Promise<void>): void {
  state.closers.push({ name, close });
}

const log = (message: string) => console.log(`[shutdown] ${message}`);

function withTimeout(work: Promise<void>, seconds: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`still not closed after ${seconds} s`)), seconds * 1000)),
  );
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Drains HTTP, then closes every registered thing; resolves when done (it does not exit). Called
 * again while it runs (a second signal: Ctrl-C reaches the whole process group, and the launcher
 * sends SIGTERM too), it returns the same shutdown.
 */
export function shutDown(reason: string, drainSeconds = DRAIN_SECONDS): Promise<void> {
  state.running ??= (async () => {
    log(`${reason}: taking no new requests, finishing ${requestsInFlight()} in flight`);
    const cut = await stopServing(drainSeconds);
    if (cut > 0) log(`${cut} requests still running after ${drainSeconds} s were cut off`);
    for (const { name, close } of [...state.closers].reverse()) {
      try {
        await withTimeout(close(), CLOSE_SECONDS);
      } catch (error) {
        log(`${name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    log("done");
  })();
  return state.running;
}

/** SIGTERM and SIGINT shut the process down gracefully, once; a second signal waits for the first. */
export function handleShutdownSignals(): void {
  if (state.installed) return;
  state.installed = true;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.on(signal, () => void shutDown(signal).finally(() => process.exit(0)));
  }
}
