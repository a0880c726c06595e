/**
 * The request header that carries the address of the TCP connection a request came on. Our own
 * server sets it (server/peer-address.ts), replacing whatever a client sent under that name; unlike
 * X-Forwarded-For, which Next.js passes through from the client when it is present.
 */
export const PEER_ADDRESS_HEADER = "x-ringmeet-peer-address";

/** True for the machine's own loopback addresses: 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6. */
export function isLoopbackAddress(address: string | null | undefined): boolean {
  if (!address) return false;
  const ipv4 = address.toLowerCase().replace(/^::ffff:/, "");
  if (/^127(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/.test(ipv4)) return true;
  return address === "::1" || address === "0:0:0:0:0:0:0:1";
}

/**
 * The address a request came from, as a key for per-address limits: the TCP peer (set by our own
 * server), or, behind a reverse proxy we were told to trust, the last address that proxy appended
 * to X-Forwarded-For (every earlier one may have been written by the client).
 */
export function clientAddress(headers: { get(name: string): string | null }, trustProxy: boolean): string {
  const peer = headers.get(PEER_ADDRESS_HEADER) ?? "";
  if (!trustProxy) return peer || "unknown";
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((a) => a.trim())
    .filter(Boolean);
  return forwarded.at(-1) ?? (peer || "unknown");
}
