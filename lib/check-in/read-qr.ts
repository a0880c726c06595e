import jsQR from "jsqr";

/**
 * The text of the QR code in an RGBA picture (a canvas's pixels), or null when it shows none.
 * jsQR, not zxing-js: zxing-js's detector misses about one in five of our ticket codes (version
 * 10, 184 bytes) in any one orientation and about one in three hundred in all four, a ticket the
 * gate could never read; jsQR read every one of them (read-qr.test.ts).
 * `inverted`: also look for light modules on dark, as a ticket in a dark-mode screenshot may be;
 * it doubles the work, so the camera's frames skip it.
 */
export function readQr(rgba: Uint8ClampedArray, width: number, height: number, inverted = false): string | null {
  if (!width || !height) return null;
  return jsQR(rgba, width, height, { inversionAttempts: inverted ? "attemptBoth" : "dontInvert" })?.data ?? null;
}
