import "server-only";
import { cookies, headers } from "next/headers";
import { consume } from "@/db/rate-limit";
import { env } from "@/env";
import { clientAddress } from "@/lib/peer-address";
import type { LimitName } from "@/lib/rate-limits";
import { isSameOrigin, originHeaders } from "@/lib/same-origin";

const noStore = { "Cache-Control": "private, no-store" };

/** 403 for a state-changing request from another site (route handlers lack Next's action checks). */
export function crossSiteRefusal(request: Request): Response | null {
  if (isSameOrigin(originHeaders(request.headers), env().appUrl)) return null;
  return Response.json({ error: "cross-site request refused" }, { status: 403, headers: noStore });
}

/** 429 with Retry-After once `key` is over the limit `name`; null while it is not. */
export async function limitRefusal(name: LimitName, key: string): Promise<Response | null> {
  const limited = await consume(name, key);
  if (limited.ok) return null;
  return Response.json(
    { error: "too many requests", retryAfter: limited.retryAfter },
    { status: 429, headers: { ...noStore, "Retry-After": String(limited.retryAfter) } },
  );
}

/**
 * This browser's sign-in, as a key for limits "per device": each phone at the gate signs in on
 * its own, so its session token names it (only a hash of the key is stored).
 */
export async function deviceKey(userId: string): Promise<string> {
  const jar = await cookies();
  const token = jar.get("__Secure-authjs.session-token")?.value ?? jar.get("authjs.session-token")?.value ?? "";
  return `${userId}:${token}`;
}

/** Where this request comes from, for per-address limits (lib/peer-address.ts). */
export async function requestAddress(): Promise<string> {
  return clientAddress(await headers(), env().trustProxy);
}
