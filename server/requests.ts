import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { isDatabaseUnavailable } from "@/db/unavailable";
import { admitInOrder } from "./admission";
import { unavailablePage } from "./unavailable-page";

// What the server process knows about its HTTP traffic, learnt from Node's diagnostics channel
// (published for every request before Next.js sees it; Next gives the app no handle on its server):
// which servers listen, which requests are in flight, and which of them failed because the
// database was unavailable. Used to drain on shutdown and to answer such failures 503, not 500.

/** Our own request header: a number per request, replacing any value a client sent. */
export const REQUEST_ID_HEADER = "x-ringmeet-request";
/** What Next sends with a per-request page: kept by nobody. */
export const NOT_FOUND_CACHE_CONTROL = "private, no-cache, no-store, max-age=0, must-revalidate";
/** Seconds a client is asked to wait before trying again after a 503. */
export const RETRY_AFTER_SECONDS = 5;

type State = {
  installed: boolean;
  draining: boolean;
  servers: Set<Server>;
  inFlight: Map<string, ServerResponse>;
  unavailable: WeakSet<ServerResponse>;
  seq: number;
  idle: Set<() => void>;
  /** Requests each server serves at once, the rest queued (server/admission.ts); 0: no queue. */
  maxInFlight: number;
};
const state = ((globalThis as { __ringmeetRequests?: State }).__ringmeetRequests ??= {
  installed: false,
  draining: false,
  servers: new Set(),
  inFlight: new Map(),
  unavailable: new WeakSet(),
  seq: 0,
  idle: new Set(),
  maxInFlight: 0,
});

type RequestStart = { request: IncomingMessage; response: ServerResponse; server: Server };

/** Run once in the server process (instrumentation-node.ts), before the first request. */
export function trackRequests(): void {
  if (state.installed) return;
  state.installed = true;
  subscribe("http.server.request.start", (message) => {
    const { request, response, server } = message as RequestStart;
    // Published just before the server hands the request to its listeners: queued from the first.
    if (!state.servers.has(server) && state.maxInFlight > 0) admitInOrder(server, state.maxInFlight);
    state.servers.add(server);
    const id = String(++state.seq);
    request.headers[REQUEST_ID_HEADER] = id;
    state.inFlight.set(id, response);
    // Ours comes on top of the close listeners Next adds (ten on a streamed page): not a leak.
    response.setMaxListeners(response.getMaxListeners() + 1);
    response.once("close", () => {
      state.inFlight.delete(id);
      if (state.inFlight.size === 0) for (const resolve of state.idle) resolve();
    });
    // Once draining, a request that still arrives on an open keep-alive connection is served,
    // and its connection closed after it.
    if (state.draining) response.setHeader("connection", "close");
    answer503WhenUnavailable(request, response);
  });
}

/** How many requests each server of this process serves at once (RINGMEET_MAX_IN_FLIGHT); set before the first request. */
export function serveAtOnce(limit: number): void {
  state.maxInFlight = limit;
}

/** Addresses that answer in the visitor's language from copies cached for everybody (app/events/[slug]/shared-copy.tsx). */
const CHOSEN_LANGUAGE = /^\/events\/[^/?]+\/?(?:\?|$)/;

/**
 * /events/{slug} is English or German by the cookie and Accept-Language, and says `s-maxage`: a
 * shared cache must key on both. Next writes its own Vary with the head, replacing next.config.js's.
 */
function varyOnLanguage(method: string | undefined, address: string, response: ServerResponse): void {
  if ((method !== "GET" && method !== "HEAD") || !CHOSEN_LANGUAGE.test(address)) return;
  const vary = response.getHeader("vary");
  response.setHeader("vary", vary ? `${String(vary)}, Cookie, Accept-Language` : "Cookie, Accept-Language");
}

/**
 * A 500 caused by an unavailable database becomes 503 with Retry-After: "try again", not "broken".
 * A page (HTML) gets unavailablePage() instead of Next's empty error shell; anything else (the
 * RSC payload of a navigation or server action, which the browser's router reads; JSON) keeps its body.
 */
function answer503WhenUnavailable(request: IncomingMessage, response: ServerResponse): void {
  const address = request.url ?? "/"; // as asked: Next may rewrite request.url later
  const writeHead = response.writeHead as (...args: unknown[]) => ServerResponse;
  const write = response.write as (...args: unknown[]) => boolean;
  const end = response.end as (...args: unknown[]) => ServerResponse;
  let decided = false;
  let unavailable = false;
  let page: string | null = null;
  // Decided once, when the status goes out (whichever of writeHead, write or end comes first).
  const decide = (statusCode: number) => {
    if (decided) return;
    decided = true;
    // A "not found" may become found (a meet published): no CDN or browser keeps it. The shared
    // event page's copies send one with s-maxage (app/events/[slug]/shared-copy.tsx).
    if (statusCode === 404) response.setHeader("cache-control", NOT_FOUND_CACHE_CONTROL);
    if (statusCode === 200) varyOnLanguage(request.method, address, response);
    if (statusCode !== 500 || !state.unavailable.has(response)) return;
    unavailable = true;
    response.setHeader("retry-after", String(RETRY_AFTER_SECONDS));
    response.setHeader("cache-control", "no-store");
    if (!wantsPage(request, String(response.getHeader("content-type") ?? ""))) return;
    page = unavailablePage(request.headers, request.url ?? "/");
    response.removeHeader("content-length");
    response.removeHeader("content-encoding");
    response.setHeader("content-type", "text/html; charset=utf-8");
  };
  const callbackOf = (args: unknown[]) => args.find((a) => typeof a === "function") as (() => void) | undefined;
  response.writeHead = function (this: ServerResponse, statusCode: number, ...rest: unknown[]) {
    decide(statusCode);
    if (!unavailable) return writeHead.call(this, statusCode, ...rest);
    return writeHead.call(this, 503, "Service Unavailable", ...rest.filter((r) => typeof r !== "string"));
  } as ServerResponse["writeHead"];
  response.write = function (this: ServerResponse, ...args: unknown[]) {
    if (!this.headersSent) decide(this.statusCode);
    if (page === null) return write.apply(this, args);
    const callback = callbackOf(args);
    if (callback) process.nextTick(callback);
    return true;
  } as ServerResponse["write"];
  response.end = function (this: ServerResponse, ...args: unknown[]) {
    if (!this.headersSent) decide(this.statusCode);
    return page === null ? end.apply(this, args) : end.call(this, page, callbackOf(args));
  } as ServerResponse["end"];
}

/**
 * A browser loading a page or posting a form without JavaScript (Next answers the latter's
 * failure as plain text); not the router's RSC requests or a server action called by script.
 */
function wantsPage(request: IncomingMessage, contentType: string): boolean {
  const { accept = "", rsc, "next-action": action } = request.headers;
  return (
    accept.includes("text/html") && !rsc && !action && (contentType === "" || /^text\/(html|plain)/.test(contentType))
  );
}

/**
 * Next.js reports every error of a request here (instrumentation.ts onRequestError), before it
 * writes the 500. Marks the request when the database was the cause.
 */
export function requestFailed(error: unknown, headers: Record<string, string | string[] | undefined>): void {
  const id = headers[REQUEST_ID_HEADER];
  const response = typeof id === "string" ? state.inFlight.get(id) : undefined;
  if (response && isDatabaseUnavailable(error)) state.unavailable.add(response);
}

export const requestsInFlight = () => state.inFlight.size;

/**
 * Stops taking requests and waits (at most `seconds`) for those in flight: the listening sockets
 * close, idle keep-alive connections close, a response still being made closes its connection
 * when done. Connections left after the deadline are cut. Resolves with the requests cut.
 */
export async function stopServing(seconds: number): Promise<number> {
  state.draining = true;
  for (const server of state.servers) {
    server.close();
    server.closeIdleConnections();
  }
  for (const response of state.inFlight.values()) if (!response.headersSent) response.setHeader("connection", "close");
  if (state.inFlight.size > 0) {
    let resolve!: () => void;
    const idle = new Promise<void>((r) => (resolve = r));
    state.idle.add(resolve);
    const timer = setTimeout(resolve, seconds * 1000);
    await idle;
    clearTimeout(timer);
    state.idle.delete(resolve);
  }
  const cut = state.inFlight.size;
  for (const server of state.servers) server.closeAllConnections();
  return cut;
}
