import { createHash, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { env } from "@/env";
import { uniqueEmail } from "@/test/unique";
import { db } from "./client";
import { verificationTokens } from "./schema";
import { isSignInTokenUsable } from "./users";

/** Stores a token the way Auth.js does: sha256(token + AUTH_SECRET), hex. */
async function storeToken(identifier: string, expires: Date): Promise<string> {
  const token = randomBytes(32).toString("hex");
  const hashed = createHash("sha256").update(`${token}${env().authSecret}`).digest("hex");
  await db().insert(verificationTokens).values({ identifier, token: hashed, expires });
  return token;
}

describe("isSignInTokenUsable", () => {
  it("accepts an unexpired token for its own address, in any letter case", async () => {
    const email = uniqueEmail("token");
    const token = await storeToken(email, new Date(Date.now() + 10 * 60_000));
    expect(env().authSecret).toBe("vitest-auth-secret-0123456789");
    expect(await isSignInTokenUsable(email, token)).toBe(true);
    expect(await isSignInTokenUsable(email.toUpperCase(), token)).toBe(true);
    // Checking does not use it up: the link can be opened before pressing "Sign in".
    expect(await isSignInTokenUsable(email, token)).toBe(true);
  });

  it("refuses an expired token", async () => {
    const email = uniqueEmail("expired");
    const token = await storeToken(email, new Date(Date.now() - 1000));
    expect(await isSignInTokenUsable(email, token)).toBe(false);
  });

  it("refuses the token for another address, and a wrong or unhashed token", async () => {
    const email = uniqueEmail("owner");
    const token = await storeToken(email, new Date(Date.now() + 10 * 60_000));
    expect(await isSignInTokenUsable(uniqueEmail("intruder"), token)).toBe(false);
    expect(await isSignInTokenUsable(email, `${token}0`)).toBe(false);
    expect(await isSignInTokenUsable(email, "")).toBe(false);
    const hashed = createHash("sha256").update(`${token}${env().authSecret}`).digest("hex");
    expect(await isSignInTokenUsable(email, hashed)).toBe(false);
  });
});
