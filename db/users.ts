import "server-only";
import { and, eq, gt, sql } from "drizzle-orm";
import { createHash } from "node:crypto";
import { env } from "@/env";
import { db } from "./client";
import { signIns, verificationTokens } from "./schema";

export async function recordSignIn(userId: string, method: string): Promise<void> {
  await db().insert(signIns).values({ userId, method });
}

/**
 * Whether a sign-in link's token is still unused and unexpired, without using it up
 * (Auth.js stores sha256(token + secret)).
 */
export async function isSignInTokenUsable(email: string, token: string): Promise<boolean> {
  const secret = env().authSecret;
  const hashed = createHash("sha256").update(`${token}${secret}`).digest("hex");
  const rows = await db()
    .select({ one: sql`1` })
    .from(verificationTokens)
    .where(
      and(
        eq(verificationTokens.identifier, email.toLowerCase()),
        eq(verificationTokens.token, hashed),
        gt(verificationTokens.expires, new Date()),
      ),
    )
    .limit(1);
  return rows.length > 0;
}
