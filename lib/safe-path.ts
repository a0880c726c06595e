/** Only a path on this site may be a destination after signing in (no open redirects). */
export function safeCallbackPath(value: unknown, fallback = "/garage"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\"))
    return fallback;
  // No link of ours is this long; a longer way back would be a redirect too long to follow.
  if (value.length > 2000) return fallback;
  if (value.startsWith("/signin") || value.startsWith("/api/")) return fallback;
  // Browsers drop tabs and newlines in URLs ("/\t/evil.com" is //evil.com): resolve and compare.
  const base = "http://site.invalid";
  if (new URL(value, base).origin !== base) return fallback;
  return value;
}
