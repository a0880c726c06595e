export type PhaseFigures = {
  offered: number;
  requests: number;
  seconds: number;
  reqPerSec: number;
  p50: number;
  p99: number;
  statuses: Map<number, number>;
  failures: string[];
  /** Latencies per group of requests (say, per instance), when the work named each one's group. */
  groups?: Map<string, { requests: number; p50: number; p99: number }>;
};

/**
 * How a phase offers its requests: a closed loop of `concurrency` clients, each starting the next
 * as its last one answers; or an open loop starting one every 1/`perSecond` s, whatever the others
 * are doing (as people arrive), timed from the moment each was due, so a server falling behind
 * shows in the latency. Either way no request starts after `seconds`.
 */
export type Load = { concurrency: number; seconds: number } | { perSecond: number; seconds: number };

/** How a request ended; `group` (say, the instance that answered it) gets latencies of its own. */
type Outcome = { status: number; failure?: string; group?: string };

export function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : NaN;
}

/** Runs `work` over `items` as `load` says; times each call and the whole phase (and each group). */
export async function phase<T>(items: T[], load: Load, work: (item: T) => Promise<Outcome>): Promise<PhaseFigures> {
  const latencies: number[] = [];
  const grouped = new Map<string, number[]>();
  const statuses = new Map<number, number>();
  const failures: string[] = [];
  const started = performance.now();
  const deadline = started + load.seconds * 1000;
  const run = async (item: T, from: number) => {
    let outcome: Outcome;
    try {
      outcome = await work(item);
    } catch (error) {
      outcome = { status: 0, failure: error instanceof Error ? error.message : String(error) };
    }
    const latency = performance.now() - from;
    latencies.push(latency);
    if (outcome.group !== undefined) {
      if (!grouped.has(outcome.group)) grouped.set(outcome.group, []);
      grouped.get(outcome.group)!.push(latency);
    }
    statuses.set(outcome.status, (statuses.get(outcome.status) ?? 0) + 1);
    if (outcome.failure && failures.length < 5) failures.push(outcome.failure);
  };
  if ("perSecond" in load) {
    const count = Math.min(items.length, Math.floor(load.perSecond * load.seconds));
    await Promise.all(
      items.slice(0, count).map(async (item, i) => {
        const due = started + (i * 1000) / load.perSecond;
        await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
        await run(item, due);
      }),
    );
  } else {
    let next = 0;
    await Promise.all(
      Array.from({ length: load.concurrency }, async () => {
        while (next < items.length && performance.now() < deadline) await run(items[next++]!, performance.now());
      }),
    );
  }
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    offered: "perSecond" in load ? Math.min(items.length, Math.floor(load.perSecond * load.seconds)) : items.length,
    requests: latencies.length,
    seconds: elapsed,
    reqPerSec: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    statuses,
    failures,
    groups: grouped.size ? summarise(grouped) : undefined,
  };
}

function summarise(grouped: Map<string, number[]>) {
  const groups = new Map<string, { requests: number; p50: number; p99: number }>();
  for (const [key, values] of grouped) {
    values.sort((a, b) => a - b);
    groups.set(key, { requests: values.length, p50: percentile(values, 50), p99: percentile(values, 99) });
  }
  return groups;
}
