import { AsyncLocalStorage } from "node:async_hooks";
import http, { type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { admitInOrder, isForwardedAction } from "./admission";
import { serveAtOnce, trackRequests } from "./requests";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A server whose handler records each request it is handed and answers only when told. */
async function heldServer(limit: number) {
  const started: string[] = [];
  const held = new Map<string, http.ServerResponse>();
  const server = http.createServer((request, response) => {
    started.push(request.url!);
    held.set(request.url!, response);
  });
  admitInOrder(server, limit);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const answer = (path: string) => held.get(path)!.end(path);
  return { server, port, started, answer };
}

/** GET on a connection of its own; resolves with the body. */
function get(port: number, path: string, signal?: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: "127.0.0.1", port, path, agent: false, signal }, (res) => {
      let body = "";
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve(body));
    });
    request.on("error", reject);
  });
}

/** A request the test leaves unanswered: cut when the server closes after the test, which is expected. */
const leaveOpen = (port: number, path: string) => void get(port, path).catch(() => undefined);

const servers: http.Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
});

describe("admitInOrder (server/admission.ts)", () => {
  it("hands the server at most `limit` requests at once, the others in the order they came", async () => {
    const { server, port, started, answer } = await heldServer(2);
    servers.push(server);
    const answers: Promise<string>[] = [];
    for (const path of ["/a", "/b", "/c", "/d", "/e"]) {
      answers.push(get(port, path));
      await sleep(30); // each arrives before the next is sent
    }
    expect(started).toEqual(["/a", "/b"]);
    answer("/b");
    await sleep(30);
    expect(started).toEqual(["/a", "/b", "/c"]);
    answer("/a");
    answer("/c");
    await sleep(30);
    expect(started).toEqual(["/a", "/b", "/c", "/d", "/e"]);
    answer("/d");
    answer("/e");
    expect(await Promise.all(answers)).toEqual(["/a", "/b", "/c", "/d", "/e"]);
  });

  it("lets static files and the health probe past a full queue", async () => {
    const { server, port, started, answer } = await heldServer(1);
    servers.push(server);
    leaveOpen(port, "/register");
    await sleep(30);
    leaveOpen(port, "/garage");
    await sleep(30);
    leaveOpen(port, "/_next/static/chunks/app.js");
    leaveOpen(port, "/api/health");
    leaveOpen(port, "/api/healthy-looking");
    await sleep(50);
    expect(started).toEqual(["/register", "/_next/static/chunks/app.js", "/api/health"]);
    answer("/register");
    await sleep(30);
    expect(started.slice(3)).toEqual(["/garage"]);
  });

  it("never starts a request whose client left while it waited, and gives its turn to the next", async () => {
    const { server, port, started, answer } = await heldServer(1);
    servers.push(server);
    leaveOpen(port, "/first");
    await sleep(30);
    const leaving = new AbortController();
    get(port, "/gone", leaving.signal).catch(() => undefined);
    await sleep(30);
    const last = get(port, "/last");
    await sleep(30);
    leaving.abort();
    await sleep(30);
    answer("/first");
    await sleep(30);
    expect(started).toEqual(["/first", "/last"]);
    answer("/last");
    expect(await last).toBe("/last");
  });

  // How the server process uses it (instrumentation-node.ts): the queue goes in front of a server's
  // listeners when its first request is published, and that first request already counts.
  it("is put in front of each server trackRequests sees, from its first request", async () => {
    trackRequests();
    serveAtOnce(1);
    try {
      const started: string[] = [];
      const held: http.ServerResponse[] = [];
      const server = http.createServer((request, response) => {
        started.push(request.url!);
        held.push(response);
      });
      servers.push(server);
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      const port = (server.address() as AddressInfo).port;
      const first = get(port, "/one");
      await sleep(30);
      const second = get(port, "/two");
      await sleep(50);
      expect(started).toEqual(["/one"]);
      held[0]!.end("1");
      await sleep(30);
      expect(started).toEqual(["/one", "/two"]);
      held[1]!.end("2");
      expect([await first, await second]).toEqual(["1", "2"]);
    } finally {
      serveAtOnce(0);
    }
  });

  // Failed before: the waiting request was started inside the 'close' of the one before it, and
  // so ran in that request's AsyncLocalStorage stores (where Next keeps a request's cookies): the
  // matrix tests hung in CI.
  it("starts a waiting request in its own async context, not in the one whose close let it in", async () => {
    const store = new AsyncLocalStorage<string>();
    const seen: (string | undefined)[] = [];
    const server = http.createServer((request, response) => {
      seen.push(store.getStore());
      store.run(request.url!, () => setTimeout(() => response.end("done"), 20));
    });
    servers.push(server);
    admitInOrder(server, 1);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    const first = get(port, "/first");
    await sleep(5);
    await Promise.all([first, get(port, "/second")]);
    expect(seen).toEqual([undefined, undefined]);
  });

  // Failed before: with the queue full of action calls each waiting for its forwarded copy, the
  // copies queued behind them and nothing moved (the security matrix hung).
  it("lets a server action Next forwards to itself past a full queue", async () => {
    const { server, port, started, answer } = await heldServer(1);
    servers.push(server);
    leaveOpen(port, "/outer");
    await sleep(30);
    const forwarded = new Promise<string>((resolve, reject) => {
      const request = http.request(
        {
          host: "127.0.0.1",
          port,
          path: "/forwarded",
          method: "POST",
          agent: false,
          headers: { "x-action-forwarded": "1" },
        },
        (res) => {
          let body = "";
          res.on("data", (chunk) => (body += chunk));
          res.on("end", () => resolve(body));
        },
      );
      request.on("error", reject);
      request.end();
    });
    await sleep(50);
    expect(started).toEqual(["/outer", "/forwarded"]);
    answer("/forwarded");
    expect(await forwarded).toBe("/forwarded");
    answer("/outer");
  });

  it("takes the forwarded-action header only from this machine: a client elsewhere waits its turn", () => {
    const from = (remoteAddress: string, forwarded = true) =>
      ({
        headers: forwarded ? { "x-action-forwarded": "1" } : {},
        socket: { remoteAddress },
      }) as unknown as IncomingMessage;
    const own = () => new Set(["127.0.0.1", "10.0.0.5"]);
    expect(isForwardedAction(from("127.0.0.1"), own)).toBe(true);
    expect(isForwardedAction(from("10.0.0.5"), own)).toBe(true);
    expect(isForwardedAction(from("203.0.113.9"), own)).toBe(false);
    expect(isForwardedAction(from("127.0.0.1", false), own)).toBe(false);
    // The machine's own addresses by default: loopback in either notation.
    expect(isForwardedAction(from("127.0.0.1"))).toBe(true);
    expect(isForwardedAction(from("::ffff:127.0.0.1"))).toBe(true);
    expect(isForwardedAction(from("203.0.113.9"))).toBe(false);
  });
});
