import { describe, expect, it } from "vitest";
import { clientAddress, isLoopbackAddress, PEER_ADDRESS_HEADER } from "./peer-address";

describe("isLoopbackAddress", () => {
  it("accepts the loopback addresses a Node socket reports", () => {
    for (const address of [
      "127.0.0.1",
      "::1",
      "::ffff:127.0.0.1",
      "127.0.1.1",
      "::FFFF:127.0.0.1",
      "0:0:0:0:0:0:0:1",
    ]) {
      expect(isLoopbackAddress(address), address).toBe(true);
    }
  });

  it("refuses every other address, and no address at all", () => {
    const others = [
      "192.0.2.2",
      "10.0.0.1",
      "::ffff:192.0.2.2",
      "fd00::2",
      "::",
      "0.0.0.0",
      "127.0.0.1.nip.io",
      "127.0.0.256",
      "1127.0.0.1",
      "127.0.0.1, 192.0.2.2",
      " 127.0.0.1",
      "localhost",
      "",
      null,
      undefined,
    ];
    for (const address of others) expect(isLoopbackAddress(address), String(address)).toBe(false);
  });
});

describe("clientAddress", () => {
  const headers = (values: Record<string, string>) => new Headers(values);

  it("is the TCP peer our server recorded, whatever X-Forwarded-For a client sends", () => {
    expect(
      clientAddress(headers({ [PEER_ADDRESS_HEADER]: "203.0.113.7", "x-forwarded-for": "127.0.0.1" }), false),
    ).toBe("203.0.113.7");
    expect(clientAddress(headers({}), false)).toBe("unknown");
  });

  it("behind a trusted proxy is the last address that proxy appended, not one the client wrote before it", () => {
    expect(
      clientAddress(headers({ [PEER_ADDRESS_HEADER]: "10.0.0.2", "x-forwarded-for": "1.2.3.4, 198.51.100.9" }), true),
    ).toBe("198.51.100.9");
    expect(clientAddress(headers({ [PEER_ADDRESS_HEADER]: "10.0.0.2" }), true)).toBe("10.0.0.2");
  });
});
