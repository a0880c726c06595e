import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, SHARED_CONTENT_SECURITY_POLICY } from "./content-security-policy.js";

describe("contentSecurityPolicy", () => {
  it("differs between pages only in scripts (and the shared copy's images); https adds the upgrade", () => {
    const page = contentSecurityPolicy("'self' 'nonce-abc' 'strict-dynamic'", false);
    expect(page).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'; ");
    expect(page).toContain("img-src 'self' data: blob:; ");
    expect(SHARED_CONTENT_SECURITY_POLICY).toBe(
      page
        .replace("'self' 'nonce-abc' 'strict-dynamic'", "'self' 'unsafe-inline'")
        .replace("img-src 'self' data: blob:", "img-src 'self'"),
    );
    expect(page).not.toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy("'self'", true).endsWith("; upgrade-insecure-requests")).toBe(true);
  });

  it("gives the shared copy a value without a colon, which Next would compile as a path on every request", () => {
    expect(SHARED_CONTENT_SECURITY_POLICY).not.toContain(":");
  });
});
