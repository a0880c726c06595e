import { appendFileSync, existsSync, readFileSync } from "node:fs";
import type { Tally } from "./fuzz-run";

// Each fuzzed target's figures, appended as a JSON line to FUZZ_REPORT (set by `npm run fuzz`),
// and the table printed from them at the end of the run.

export function recordTally(tally: Tally): void {
  const file = process.env.FUZZ_REPORT;
  if (file) appendFileSync(file, `${JSON.stringify(tally)}\n`);
}

const pad = (v: string | number, n: number) => String(v).padStart(n);

export function tallyTable(file: string): string {
  if (!existsSync(file)) return "(no fuzz figures were recorded)";
  const rows = readFileSync(file, "utf8")
    .trim()
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Tally)
    .sort((a, b) => a.target.localeCompare(b.target));
  const head = `${"target".padEnd(72)} ${pad("inputs", 7)} ${pad("2xx", 6)} ${pad("3xx", 6)} ${pad("4xx", 6)} ${pad("5xx", 5)} ${pad("threw", 5)} ${pad("refused", 7)} ${pad("limited", 7)} ${pad("w/refused", 9)} ${pad("seconds", 8)}`;
  const line = (t: Tally) =>
    `${t.target.padEnd(72)} ${pad(t.inputs, 7)} ${pad(t.s2xx, 6)} ${pad(t.s3xx, 6)} ${pad(t.s4xx, 6)} ${pad(t.s5xx, 5)} ${pad(t.crashes, 5)} ${pad(t.refused, 7)} ${pad(t.limited, 7)} ${pad(t.writesByRefused, 9)} ${pad((t.ms / 1000).toFixed(0), 8)}`;
  const sum = (k: keyof Tally) => rows.reduce((s, r) => s + (r[k] as number), 0);
  const total = {
    target: `total (${rows.length} targets)`,
    inputs: sum("inputs"),
    s2xx: sum("s2xx"),
    s3xx: sum("s3xx"),
    s4xx: sum("s4xx"),
    s5xx: sum("s5xx"),
    crashes: sum("crashes"),
    refused: sum("refused"),
    limited: sum("limited"),
    writesByRefused: sum("writesByRefused"),
    ms: sum("ms"),
  };
  return [head, ...rows.map(line), line(total)].join("\n");
}
