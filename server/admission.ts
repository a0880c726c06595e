import { AsyncResource } from "node:async_hooks";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { networkInterfaces } from "node:os";

// Requests served at once by one server process; the rest wait in arrival order. Without it,
// when registration opens and a hundred owners press "Register" together, Next starts all of
// them at once and they share the one thread: each takes as long as the whole crowd, and which
// finish first is luck (the floor action's p99 was four times a fair queue's). Admitted a few at
// a time, they finish about in the order they came (docs/PERFORMANCE.md, "Admission in order").

/** Paths that never wait: static files, and the health probe a load balancer must see answered during a burst. */
const NEVER_WAITS = /^\/(?:_next\/static\/|api\/health(?:[/?]|$))/;

type Listener = (request: IncomingMessage, response: ServerResponse) => void;

/**
 * Next forwards a server action posted to a page that does not hold it to one that does, by
 * fetching this same server (header x-action-forwarded). That request is part of one already
 * admitted, which waits for it: queued behind it, both would wait for ever (the security
 * matrix's action calls, posted to "/", hung so). Only a request from this machine itself can
 * be one: a client elsewhere sending the header waits like everyone else.
 */
export const isForwardedAction = (request: IncomingMessage, ownAddresses = machineAddresses) =>
  request.headers["x-action-forwarded"] !== undefined && ownAddresses().has(request.socket.remoteAddress ?? "");

/** This machine's addresses (loopback included), as a socket reports its peer's. */
function machineAddresses(): Set<string> {
  const own = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);
  for (const address of Object.values(networkInterfaces()).flat())
    if (address) own.add(address.address).add(`::ffff:${address.address}`);
  return own;
}

/**
 * Puts a queue in front of `server`'s request listeners (Next's, for the server Next starts):
 * at most `limit` requests are in their hands at once, the others wait in the order they came.
 * A request leaves when its response closes (sent, or its client gone); one whose client leaves
 * while waiting is never started.
 */
export function admitInOrder(server: Server, limit: number): void {
  const listeners = server.listeners("request") as Listener[];
  server.removeAllListeners("request");
  let inside = 0;
  const waiting = new Set<() => void>(); // a Set keeps the order of arrival
  const admitNext = () => {
    for (const admit of waiting) {
      if (inside >= limit) return;
      waiting.delete(admit);
      admit();
    }
  };
  server.on("request", (request: IncomingMessage, response: ServerResponse) => {
    const serve = () => {
      for (const listener of listeners) listener.call(server, request, response);
    };
    if (NEVER_WAITS.test(request.url ?? "") || isForwardedAction(request)) return serve();
    let admitted = false;
    const admit = () => {
      admitted = true;
      inside++;
      serve();
    };
    // A waiting request is started from the 'close' of another, so it keeps the async context it
    // arrived in, captured now (Next keeps a request's work, cookies and headers in
    // AsyncLocalStorage). One let in at once is already in its own and needs none (and
    // AsyncResource.bind would also wrap a deprecation getter per call, which showed in the profile).
    let queued = () => {};
    response.once("close", () => {
      if (!admitted) return void waiting.delete(queued);
      inside--;
      admitNext();
    });
    if (inside < limit && waiting.size === 0) return admit();
    const context = new AsyncResource("ringmeet.admission");
    queued = () => context.runInAsyncScope(admit);
    waiting.add(queued);
  });
}
