import { brotliCompressSync, constants, gzipSync } from "node:zlib";

export type ScriptSize = { src: string; raw: number; gzip: number; brotli: number };

/**
 * The JavaScript a browser downloads to load `pageUrl`: every classic or module <script src> in
 * its HTML (nomodule polyfills, which modern browsers skip, left out), compressed as `next start`
 * serves it (gzip) and as a CDN would (brotli, quality 11).
 */
export async function firstLoadJs(pageUrl: string): Promise<{ scripts: ScriptSize[]; gzip: number; brotli: number }> {
  const html = await (await fetch(pageUrl)).text();
  const sources = new Set<string>();
  for (const tag of html.match(/<script\b[^>]*\bsrc="[^"]+"[^>]*>/g) ?? []) {
    if (/\bnoModule\b/i.test(tag)) continue;
    sources.add(/\bsrc="([^"]+)"/.exec(tag)![1]!);
  }
  const scripts: ScriptSize[] = [];
  for (const src of sources) {
    const body = Buffer.from(await (await fetch(new URL(src, pageUrl))).arrayBuffer());
    scripts.push({
      src,
      raw: body.byteLength,
      gzip: gzipSync(body, { level: 6 }).byteLength,
      brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).byteLength,
    });
  }
  return { scripts, gzip: sum(scripts.map((s) => s.gzip)), brotli: sum(scripts.map((s) => s.brotli)) };
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
