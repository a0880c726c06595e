import { describe, expect, it } from "vitest";
import { isLoopbackAddress } from "./peer-address";

describe("isLoopbackAddress", () => {
  it("accepts the loopback addresses a Node socket reports", () => {
    for (const address of ["127.0.0.1", "::1", "::ffff:127.0.0.1", "127.0.1.1", "::FFFF:127.0.0.1", "0:0:0:0:0:0:0:1"]) {
      expect(isLoopbackAddress(address), address).toBe(true);
    }
  });

  it("refuses every other address, and no address at all", () => {
    const others = ["192.0.2.2", "10.0.0.1", "::ffff:192.0.2.2", "fd00::2", "::", "0.0.0.0", "127.0.0.1.nip.io", "127.0.0.256", "1127.0.0.1",
      "127.0.0.1, 192.0.2.2", " 127.0.0.1", "localhost", "", null, undefined];
    for (const address of others) expect(isLoopbackAddress(address), String(address)).toBe(false);
  });
});
