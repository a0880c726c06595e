import { writeFileSync } from "node:fs";
import os from "node:os";
import { DEMO_EVENT_SLUG } from "../db/seed/demo";
import { firstLoadJs } from "./first-load-js";
import { startFloorApp } from "./framework-floor";
import { runLighthouse } from "./lighthouse";
import { measure, printTable, type LoadFigures } from "./load";
import { startStack, STATIC_FILE } from "./stack";

const RUNS = 3;
const CONNECTIONS = 100;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

export type Lighthouse = { performance: number; lcpMs: number; observedLcpMs: number; load: number };
export type PageFigures = {
  js: { floor: number; page: number };
  lighthouse: { floor: Lighthouse[]; page: Lighthouse[] };
  load: { page: LoadFigures; file: LoadFigures; hello: LoadFigures; loadAverage: number };
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
export const medianOf = (runs: Lighthouse[]) => ({
  performance: median(runs.map((r) => r.performance)),
  lcpMs: median(runs.map((r) => r.lcpMs)),
  observedLcpMs: median(runs.map((r) => r.observedLcpMs)),
  load: median(runs.map((r) => r.load)),
});

const seen = (r: Lighthouse) =>
  `${r.performance} (LCP ${Math.round(r.lcpMs)} ms, seen at ${Math.round(r.observedLcpMs)} ms)`;

function lighthouse(url: string): Lighthouse {
  const load = os.loadavg()[0]!;
  const { performance, lcpMs, observedLcpMs } = runLighthouse(url);
  return { performance, lcpMs, observedLcpMs, load };
}

/**
 * The public event page against Next's own floor (a hello-world app on the same Next and React),
 * in one run: first-load JavaScript of each; at 100 connections the cached event page, a static
 * file of its bytes from the same server, and the hello world served from its own server's cache;
 * then Lighthouse mobile three times each, alternating.
 */
export async function measurePage(): Promise<PageFigures> {
  const floor = await startFloorApp();
  const stack = await startStack().catch((error: unknown) => {
    floor.stop();
    throw error;
  });
  try {
    const pageUrl = `${stack.url}/events/${DEMO_EVENT_SLUG}`;
    const js = { floor: (await firstLoadJs(floor.url)).gzip, page: (await firstLoadJs(pageUrl)).gzip };
    writeFileSync(STATIC_FILE.path, Buffer.from(await (await fetch(pageUrl)).arrayBuffer()));
    const loadAverage = os.loadavg()[0]!;
    const options = { connections: CONNECTIONS, seconds: SECONDS };
    const page = await measure("event page (Next cache)", pageUrl, options);
    const file = await measure("static file, same bytes", `${stack.url}${STATIC_FILE.urlPath}`, options);
    const hello = await measure("hello world (Next cache)", floor.url, options);
    printTable([page, file, hello]);
    // Last: Lighthouse blocks this process for minutes, and a kept-alive socket would be dead after it.
    const runs: PageFigures["lighthouse"] = { floor: [], page: [] };
    if (process.env.BENCH_LIGHTHOUSE !== "0")
      for (let i = 0; i < RUNS; i++) {
        runs.floor.push(lighthouse(floor.url));
        runs.page.push(lighthouse(pageUrl));
        console.log(`Lighthouse run ${i + 1}: hello world ${seen(runs.floor[i]!)}, event page ${seen(runs.page[i]!)}`);
      }
    return { js, lighthouse: runs, load: { page, file, hello, loadAverage } };
  } finally {
    await stack.stop();
    floor.stop();
  }
}
