import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import { isLoopbackAddress, PEER_ADDRESS_HEADER } from "@/lib/peer-address";

// Next.js gives route handlers and pages no access to the socket, and its X-Forwarded-For is the
// client's own header whenever the client sends one. Node publishes every incoming request on a
// diagnostics channel before the server's handler sees it: there we write the connection's real
// address into a header of our own, overwriting any value a client sent.

const TRACKING = Symbol.for("ringmeet.peer-address");
type Marked = { [TRACKING]?: boolean };

/** Run once in the server process (instrumentation-node.ts). */
export function trackPeerAddresses(): void {
  const process = globalThis as Marked;
  if (process[TRACKING]) return;
  subscribe("http.server.request.start", (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    request.headers[PEER_ADDRESS_HEADER] = socket.remoteAddress ?? "";
  });
  process[TRACKING] = true;
}

/** True only when the request came over loopback and the address was set by us, not a client. */
export function isLoopbackRequest(headers: Headers): boolean {
  return Boolean((globalThis as Marked)[TRACKING]) && isLoopbackAddress(headers.get(PEER_ADDRESS_HEADER));
}
