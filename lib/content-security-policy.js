// Plain JavaScript: next.config.js (loaded by Node without a compiler) and proxy.ts build the same policy.

/**
 * The Content-Security-Policy of every page: only the script sources differ (a per-request nonce,
 * or 'self' 'unsafe-inline' on the one shared copy of a public event page).
 * @param {string} scriptSrc
 * @param {boolean} https the app is served over https (APP_URL): plain requests are upgraded
 * @param {string} [imgSrc] tickets' QR codes and signed waivers are data: URLs
 * @returns {string}
 */
export function contentSecurityPolicy(scriptSrc, https, imgSrc = "'self' data: blob:") {
  return [
    "default-src 'self'",
    `script-src ${scriptSrc}`,
    // Inline style attributes (colour swatches) need this; scripts are governed above.
    "style-src 'self' 'unsafe-inline'",
    `img-src ${imgSrc}`,
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/**
 * The shared copy of a public event page carries no nonce (docs/SECURITY.md): scripts by origin,
 * and inline. It shows no data: image, and a colon in a header value set by next.config.js costs
 * a path compilation per request (docs/PERFORMANCE.md), so its images are 'self' only. Nor does it
 * upgrade plain requests: next.config.js fixes it at build time, when APP_URL may not be set yet,
 * and every request the page makes is to its own origin, by a relative URL (HSTS keeps that https).
 */
export const SHARED_CONTENT_SECURITY_POLICY = contentSecurityPolicy("'self' 'unsafe-inline'", false, "'self'");
