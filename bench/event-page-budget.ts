import os from "node:os";
import { DEMO_EVENT_SLUG } from "../db/seed/demo";
import { firstLoadJs } from "./first-load-js";
import { runLighthouse } from "./lighthouse";
import type { Stack } from "./stack";

const JS_BUDGET_KB = 120;
const SCORE_TARGET = 95;
const kb = (bytes: number) => (bytes / 1024).toFixed(1);

/** The phone budget of the event page: first-load JavaScript and Lighthouse's mobile scores. */
export async function benchEventPageBudget(stack: Stack): Promise<void> {
  const url = `${stack.url}/events/${DEMO_EVENT_SLUG}`;
  const js = await firstLoadJs(url);
  console.log(`\nfirst-load JS of ${url}: ${js.scripts.length} scripts`);
  for (const s of [...js.scripts].sort((a, b) => b.gzip - a.gzip))
    console.log(`  ${kb(s.gzip).padStart(6)} KB gzip ${kb(s.brotli).padStart(6)} KB brotli  ${s.src}`);
  console.log(
    `  total ${kb(js.gzip)} KB gzip (as next start serves it), ${kb(js.brotli)} KB brotli — budget ${JS_BUDGET_KB} KB ${js.gzip / 1024 <= JS_BUDGET_KB ? "✔" : "✘"}`,
  );
  if (process.env.BENCH_LIGHTHOUSE === "0") return;
  // Lighthouse's simulated throttling scales what it observes: a busy machine lowers the score.
  const load = os.loadavg()[0]!.toFixed(1);
  const lh = runLighthouse(url);
  console.log(
    `\nLighthouse mobile: performance ${lh.performance}, accessibility ${lh.accessibility} (target ≥ ${SCORE_TARGET}; load average ${load} when it started)`,
  );
  console.log(
    `  ${Object.entries(lh.metrics)
      .map(([k, v]) => `${k} ${v}`)
      .join(" · ")}`,
  );
}
