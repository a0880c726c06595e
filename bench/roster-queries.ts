// Run by bench/roster.ts as its own process under the "react-server" condition, so the app's
// server-only modules load as they do in Next: it times the very function the roster page calls.
import { getRoster } from "../db/roster/reads";
import { parseRosterQuery } from "../lib/roster/query";

type Case = { name: string; params: Record<string, string> };
const RUNS = Number(process.env.ROSTER_BENCH_RUNS ?? 30);

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function main() {
  const { userId, slug, cases } = JSON.parse(process.env.ROSTER_BENCH!) as {
    userId: string;
    slug: string;
    cases: Case[];
  };
  const figures: { name: string; rows: number; total: number; p50: number; p95: number }[] = [];
  const all: number[] = [];
  for (const c of cases) {
    const query = parseRosterQuery(c.params);
    let last = await getRoster(userId, slug, query); // warm: plans cached, connections open
    if (!last) throw new Error("the bench user cannot read the roster");
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      last = await getRoster(userId, slug, query);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    all.push(...times);
    figures.push({
      name: c.name,
      rows: last!.data.rows.length,
      total: last!.data.total,
      p50: percentile(times, 50),
      p95: percentile(times, 95),
    });
  }
  all.sort((a, b) => a - b);
  process.stdout.write(
    `${JSON.stringify({ figures, p50: percentile(all, 50), p95: percentile(all, 95), runs: all.length })}\n`,
  );
  const cache = globalThis as unknown as { __ringmeetDb?: { sql?: { end: () => Promise<void> } } };
  await cache.__ringmeetDb?.sql?.end();
}

await main();
