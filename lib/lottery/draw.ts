import crypto from "node:crypto";

// crypto.hash (Node ≥ 20.12) skips the Hash object; the result is the same.
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: "hex") => string }).hash;

export function sha256Hex(text: string): string {
  return oneShot ? oneShot("sha256", text, "hex") : crypto.createHash("sha256").update(text, "utf8").digest("hex");
}

/**
 * SHA-256 (hex) of the seed followed directly by the entry id, UTF-8. Within one draw the seed is
 * a fixed prefix, so distinct ids give distinct inputs and no separator is needed.
 */
export function drawKey(seed: string, entryId: string): string {
  return sha256Hex(seed + entryId);
}

/** Code-unit order, the same on every machine and locale (unlike localeCompare). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Entry ids sorted by their draw key: index 0 is draw position 1. */
export function drawOrder(seed: string, entryIds: readonly string[]): string[] {
  const keyed = entryIds.map((id) => ({ id, key: drawKey(seed, id) }));
  keyed.sort((a, b) => compareStrings(a.key, b.key) || compareStrings(a.id, b.id));
  return keyed.map((k) => k.id);
}
