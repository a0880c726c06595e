import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import {
  NOT_FOUND_CACHE_CONTROL,
  REQUEST_ID_HEADER,
  requestFailed,
  requestsInFlight,
  stopServing,
  trackRequests,
} from "./requests";

// A plain Node server stands in for Next's: the hooks see every server through the same channel.
trackRequests();

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

function get(port: number, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port, path, headers }, (res) => {
        let body = "";
        res.on("data", (chunk) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      })
      .on("error", reject);
  });
}

async function listen(handler: http.RequestListener) {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

const databaseGone = () =>
  Object.assign(new Error("Failed query: select …"), {
    cause: Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }),
  });

describe("a request that fails because the database is unavailable", () => {
  const servers: http.Server[] = [];
  afterAll(() => servers.forEach((s) => s.closeAllConnections()));

  it("is answered 503 with Retry-After instead of 500; any other failure stays 500", async () => {
    const { server, port } = await listen((req, res) => {
      // What Next.js does: report the error (instrumentation.ts onRequestError), then answer 500.
      requestFailed(req.url === "/outage" ? databaseGone() : new Error("a bug"), req.headers);
      res.statusCode = 500;
      res.end("Internal Server Error");
    });
    servers.push(server);
    const outage = await get(port, "/outage");
    expect(outage.status).toBe(503);
    expect(outage.headers["retry-after"]).toBe("5");
    expect(outage.headers["cache-control"]).toBe("no-store");
    expect((await get(port, "/bug")).status).toBe(500);
  });

  it("gets a complete 'try again' page in its language instead of Next's empty error shell; an RSC answer keeps its body", async () => {
    const { server, port } = await listen((req, res) => {
      requestFailed(databaseGone(), req.headers);
      res.statusCode = 500;
      res.setHeader("content-type", req.url === "/rsc" ? "text/x-component" : "text/html; charset=utf-8");
      const shell = ['<html id="__next_error__">', "</html>"];
      res.setHeader("content-length", String(shell.join("").length));
      res.write(shell[0]);
      res.end(shell[1]);
    });
    servers.push(server);
    const html = { accept: "text/html,application/xhtml+xml,*/*;q=0.8" };
    const page = await get(port, "/garage", { ...html, "accept-language": "en-GB,en;q=0.9" });
    expect(page.status).toBe(503);
    expect(page.body).toContain('<h1 style="font-size: 1.5rem">Ringmeet is busy for a moment</h1>');
    expect(page.body).toContain('<a href="/garage"');
    expect(page.body).not.toContain("__next_error__");
    const german = await get(port, "/garage", { ...html, cookie: "NEXT_LOCALE=de" });
    expect(german.body).toContain('<html lang="de">');
    expect(german.body).toContain("Ringmeet ist gerade kurz nicht erreichbar");
    const rsc = await get(port, "/rsc", { ...html, rsc: "1" });
    expect(rsc).toMatchObject({ status: 503, body: '<html id="__next_error__"></html>' });
    // A script's request (no text/html in Accept) keeps the body too.
    expect(await get(port, "/garage")).toMatchObject({ status: 503, body: '<html id="__next_error__"></html>' });
  });

  it("is told apart by our own request number, which a client cannot set", async () => {
    const { server, port } = await listen((req, res) => res.end(String(req.headers[REQUEST_ID_HEADER])));
    servers.push(server);
    const answer = await get(port, "/", { [REQUEST_ID_HEADER]: "forged" });
    expect(answer.body).toMatch(/^\d+$/);
  });
});

// Last in this file: draining is for good, like the process it belongs to.
describe("a not found answer", () => {
  it("is kept by no CDN or browser, whatever cache header the page sent; other answers keep theirs", async () => {
    const shared = "s-maxage=3600, stale-while-revalidate=31532400";
    const { server, port } = await listen((req, res) => {
      // As Next answers the shared event page's copy: its Cache-Control set before the status.
      res.setHeader("cache-control", shared);
      if (req.url === "/head") res.writeHead(404, { "content-type": "text/html" }).end("gone");
      else {
        res.statusCode = req.url === "/found" ? 200 : 404;
        res.end("page");
      }
    });
    try {
      expect((await get(port, "/missing")).headers["cache-control"]).toBe(NOT_FOUND_CACHE_CONTROL);
      expect((await get(port, "/head")).headers["cache-control"]).toBe(NOT_FOUND_CACHE_CONTROL);
      expect((await get(port, "/found")).headers["cache-control"]).toBe(shared);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});

describe("the public event page's address", () => {
  it("varies on the cookie and Accept-Language (its language), even when the app rewrote the request's URL", async () => {
    const { server, port } = await listen((req, res) => {
      // As Next does: its router rewrites /events/{slug} to a copy, and writes its own Vary with the head.
      if (req.url === "/events/1m-meet") req.url = "/events/1m-meet/in/de";
      res.setHeader("vary", "rsc, Accept-Encoding");
      res.statusCode = req.url?.endsWith("/gone") ? 404 : 200;
      res.end("page");
    });
    const vary = async (path: string) => (await get(port, path)).headers["vary"];
    try {
      expect(await vary("/events/1m-meet")).toBe("rsc, Accept-Encoding, Cookie, Accept-Language");
      expect(await vary("/events/1m-meet?ref=mail")).toBe("rsc, Accept-Encoding, Cookie, Accept-Language");
      // Its copies' own addresses name the language; other pages are per request; a 404 is kept by nobody.
      for (const path of ["/events/1m-meet/in/de", "/events/1m-meet/register", "/events", "/events/x/gone"])
        expect(await vary(path), path).toBe("rsc, Accept-Encoding");
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});

describe("stopServing", () => {
  it("refuses new connections, lets the request in flight finish, and closes its connection after it", async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const { port } = await listen(async (req, res) => {
      if (req.url === "/slow") await released;
      res.end("done");
    });
    const agent = new http.Agent({ keepAlive: true });
    const slow = new Promise<Answer>((resolve, reject) => {
      http
        .get({ host: "127.0.0.1", port, path: "/slow", agent }, (res) => {
          let body = "";
          res.on("data", (c) => (body += c));
          res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body }));
        })
        .on("error", reject);
    });
    for (let i = 0; i < 100 && requestsInFlight() === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(requestsInFlight()).toBe(1);

    const stopped = stopServing(5);
    await expect(get(port, "/")).rejects.toMatchObject({ code: "ECONNREFUSED" });
    release();
    const answer = await slow;
    expect(answer).toMatchObject({ status: 200, body: "done" });
    expect(answer.headers.connection).toBe("close");
    expect(await stopped).toBe(0);
    agent.destroy();
  });

  it("cuts what is still running after the deadline", async () => {
    const { port } = await listen(() => {
      // never answers
    });
    const hanging = get(port, "/").catch((error: NodeJS.ErrnoException) => error.code);
    for (let i = 0; i < 100 && requestsInFlight() === 0; i++) await new Promise((r) => setTimeout(r, 10));
    const started = Date.now();
    expect(await stopServing(0.3)).toBe(1);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await hanging).toBe("ECONNRESET");
  });
});
