import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isSameOrigin } from "./same-origin";

const app = "https://ringmeet.example";
const none = { origin: null, secFetchSite: null, referer: null };

describe("isSameOrigin", () => {
  it("accepts our own pages by Origin, Sec-Fetch-Site or Referer", () => {
    expect(isSameOrigin({ ...none, origin: app }, app)).toBe(true);
    expect(isSameOrigin({ ...none, secFetchSite: "same-origin" }, app)).toBe(true);
    expect(isSameOrigin({ ...none, referer: `${app}/organise/events/x/check-in` }, app)).toBe(true);
    expect(isSameOrigin({ ...none, origin: "http://localhost:3000" }, "http://localhost:3000/")).toBe(true);
  });

  it("refuses another site, an opaque origin, a look-alike host and a request that says nothing", () => {
    for (const origin of [
      "https://evil.example",
      "null",
      "https://ringmeet.example.evil.example",
      "http://ringmeet.example",
      "https://ringmeet.example:8443",
    ]) {
      expect(isSameOrigin({ ...none, origin }, app)).toBe(false);
    }
    expect(isSameOrigin({ ...none, secFetchSite: "cross-site" }, app)).toBe(false);
    expect(isSameOrigin({ ...none, secFetchSite: "same-site" }, app)).toBe(false);
    expect(isSameOrigin({ ...none, referer: "https://evil.example/ringmeet.example" }, app)).toBe(false);
    expect(isSameOrigin(none, app)).toBe(false);
  });

  it("lets Origin decide when it is present, whatever the other headers claim", () => {
    fc.assert(
      fc.property(fc.webUrl(), fc.constantFrom("same-origin", "cross-site", null), (other, site) => {
        const origin = new URL(other).origin;
        expect(isSameOrigin({ origin, secFetchSite: site, referer: `${app}/` }, app)).toBe(origin === app);
      }),
    );
  });
});
