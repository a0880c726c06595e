import { inflateSync } from "node:zlib";

const MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const MAX_SIDE = 4000;

/**
 * Whether `data` is a PNG whose image data really inflates: the PDF writer (pdfkit) decodes a
 * drawn signature asynchronously, and a corrupt one would fail there, long after it was stored.
 * Checks the signature, the chunk layout (IHDR first, IEND last), the size and the IDAT stream.
 */
export function isReadablePng(data: Buffer): boolean {
  if (data.length < 57 || !data.subarray(0, 8).equals(MAGIC)) return false;
  const idat: Buffer[] = [];
  let at = 8;
  let first = true;
  while (at + 12 <= data.length) {
    const length = data.readUInt32BE(at);
    const type = data.toString("latin1", at + 4, at + 8);
    if (at + 12 + length > data.length) return false;
    if (first && (type !== "IHDR" || length !== 13)) return false;
    if (first) {
      const width = data.readUInt32BE(at + 8);
      const height = data.readUInt32BE(at + 12);
      if (width === 0 || height === 0 || width > MAX_SIDE || height > MAX_SIDE) return false;
    }
    first = false;
    if (type === "IDAT") idat.push(data.subarray(at + 8, at + 8 + length));
    if (type === "IEND") {
      if (idat.length === 0) return false;
      try {
        inflateSync(Buffer.concat(idat));
        return true;
      } catch {
        return false;
      }
    }
    at += 12 + length;
  }
  return false;
}

/** The bytes of a `data:image/png;base64,…` URL. */
export const pngOfDataUrl = (url: string): Buffer => Buffer.from(url.slice(url.indexOf(",") + 1), "base64");
