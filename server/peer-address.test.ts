import http from "node:http";
import os from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PEER_ADDRESS_HEADER } from "@/lib/peer-address";
import { isLoopbackRequest, trackPeerAddresses } from "./peer-address";

// A plain Node server stands in for `next start` (which is one too): what the handler sees is
// what a route handler sees in its request headers.
let server: http.Server;
let port = 0;
const seen: { address: string | undefined; loopback: boolean }[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const headers = new Headers(Object.entries(req.headers).map(([k, v]): [string, string] => [k, String(v)]));
    seen.push({
      address: req.headers[PEER_ADDRESS_HEADER] as string | undefined,
      loopback: isLoopbackRequest(headers),
    });
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "0.0.0.0", resolve));
  port = (server.address() as { port: number }).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function get(host: string, headers: Record<string, string>) {
  seen.length = 0;
  return new Promise<(typeof seen)[number]>((resolve, reject) => {
    http.get({ host, port, headers }, (res) => res.resume().on("end", () => resolve(seen[0]!))).on("error", reject);
  });
}

const externalIPv4 = Object.values(os.networkInterfaces())
  .flat()
  .find((a) => a && !a.internal && a.family === "IPv4")?.address;

describe("peer addresses", () => {
  it("trusts no address before tracking is on, whatever the client claims", async () => {
    expect(await get("127.0.0.1", { [PEER_ADDRESS_HEADER]: "127.0.0.1" })).toEqual({
      address: "127.0.0.1",
      loopback: false,
    });
  });

  it("stamps the connection's address over a client's own header", async () => {
    trackPeerAddresses();
    trackPeerAddresses(); // idempotent: one subscriber
    expect(await get("127.0.0.1", { [PEER_ADDRESS_HEADER]: "192.0.2.99", "x-forwarded-for": "192.0.2.99" })).toEqual({
      address: "127.0.0.1",
      loopback: true,
    });
  });

  it.runIf(externalIPv4)(
    "refuses a request from this machine's network address that claims to be loopback",
    async () => {
      const result = await get(externalIPv4!, { [PEER_ADDRESS_HEADER]: "127.0.0.1", "x-forwarded-for": "127.0.0.1" });
      expect(result).toEqual({ address: externalIPv4, loopback: false });
    },
  );
});
