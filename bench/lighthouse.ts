import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export const LIGHTHOUSE_CHROME_FLAGS = "--headless --no-sandbox --disable-gpu --disable-dev-shm-usage";

type Report = {
  categories: Record<string, { score: number }>;
  audits: Record<
    string,
    { displayValue?: string; numericValue?: number; details?: { items?: Record<string, number>[] } }
  >;
};

/**
 * Lighthouse's default (mobile: Moto G Power, slow 4G, 4× CPU slowdown, simulated) on `url`,
 * performance and accessibility only. Needs Chromium (CHROME_PATH, default /usr/bin/chromium).
 */
export function runLighthouse(url: string): {
  performance: number;
  accessibility: number;
  metrics: Record<string, string>;
  /** Largest contentful paint, ms (Lantern's simulation). */
  lcpMs: number;
  /**
   * When the browser itself presented the largest paint, ms after navigation. Lantern counts every
   * request and script that finished before it, so a late presentation inflates `lcpMs`.
   */
  observedLcpMs: number;
} {
  const dir = mkdtempSync(path.join(os.tmpdir(), "ringmeet-lh-"));
  try {
    const output = path.join(dir, "report.json");
    const result = spawnSync(
      path.resolve("node_modules/.bin/lighthouse"),
      [
        url,
        "--only-categories=performance,accessibility",
        `--chrome-flags=${LIGHTHOUSE_CHROME_FLAGS}`,
        "--output=json",
        `--output-path=${output}`,
        "--quiet",
      ],
      {
        stdio: ["ignore", "ignore", "inherit"],
        env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? "/usr/bin/chromium" },
        timeout: 180_000,
      },
    );
    if (result.status !== 0) throw new Error(`lighthouse exited with ${result.status ?? result.signal}`);
    const report = JSON.parse(readFileSync(output, "utf8")) as Report;
    const metric = (id: string) => report.audits[id]?.displayValue ?? "?";
    const observedLcpMs = report.audits.metrics?.details?.items?.[0]?.observedLargestContentfulPaint ?? NaN;
    return {
      performance: Math.round(report.categories.performance!.score * 100),
      accessibility: Math.round(report.categories.accessibility!.score * 100),
      lcpMs: report.audits["largest-contentful-paint"]?.numericValue ?? NaN,
      observedLcpMs,
      metrics: {
        FCP: metric("first-contentful-paint"),
        LCP: metric("largest-contentful-paint"),
        TBT: metric("total-blocking-time"),
        CLS: metric("cumulative-layout-shift"),
        SI: metric("speed-index"),
        "LCP observed": `${Math.round(observedLcpMs)} ms`,
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
