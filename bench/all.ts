import os from "node:os";
import { measurePage, medianOf } from "./all-page";
import { benchRegistration } from "./registration";

type Row = { target: string; floor: string; today: string; ok: boolean; load: number };

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const ms = (v: number) => `${v.toFixed(v < 10 ? 1 : 0)} ms`;
const pct = (v: number) => `${(v * 100).toFixed(0)} %`;

/**
 * `npm run bench -- all`: every target of issue 20 against its floor, measured in this one run on
 * this machine (the page beside a hello-world app on the same Next; the registration beside the
 * floor action and pgbench on the same database), printed as one table with the load average each
 * was measured at. docs/PERFORMANCE.md keeps the latest table.
 */
export async function benchAll(): Promise<Row[]> {
  const page = await measurePage();
  const reg = await benchRegistration();
  const rows: Row[] = [];
  const [lhFloor, lhPage] = [medianOf(page.lighthouse.floor), medianOf(page.lighthouse.page)];
  if (page.lighthouse.page.length) {
    rows.push({
      target: "event page LCP ≤ floor + 0.5 s (Lighthouse mobile, median of 3)",
      // Beside each, when the browser presented that paint: Lantern counts all that finished before.
      floor: `${s(lhFloor.lcpMs)} (seen at ${s(lhFloor.observedLcpMs)})`,
      today: `${s(lhPage.lcpMs)} (seen at ${s(lhPage.observedLcpMs)})`,
      ok: lhPage.lcpMs <= lhFloor.lcpMs + 500,
      load: lhPage.load,
    });
    rows.push({
      target: "event page Lighthouse performance ≥ floor − 3 (median of 3)",
      floor: String(lhFloor.performance),
      today: String(lhPage.performance),
      ok: lhPage.performance >= lhFloor.performance - 3,
      load: lhPage.load,
    });
  }
  rows.push({
    target: "event page first-load JS ≤ floor + 8 KB (gzip)",
    floor: kb(page.js.floor),
    today: `${kb(page.js.page)} (+${kb(page.js.page - page.js.floor)})`,
    ok: page.js.page <= page.js.floor + 8 * 1024,
    load: page.load.loadAverage,
  });
  const { page: cached, file, hello } = page.load;
  rows.push({
    target: "cached page p99 ≤ 2 × static file's (100 connections)",
    floor: `${file.p99} ms`,
    today: `${cached.p99} ms (${(cached.p99 / file.p99).toFixed(1)} ×)`,
    ok: cached.p99 <= 2 * file.p99,
    load: page.load.loadAverage,
  });
  const [pageRatio, helloRatio] = [cached.reqPerSec / file.reqPerSec, hello.reqPerSec / file.reqPerSec];
  rows.push({
    target: "cached page ≥ 80 % of static file's req/s, or within 10 points of hello world's",
    floor: `${file.reqPerSec.toFixed(0)}/s; hello world ${pct(helloRatio)}`,
    today: `${cached.reqPerSec.toFixed(0)}/s (${pct(pageRatio)})`,
    ok: pageRatio >= 0.8 || (helloRatio < 0.8 && pageRatio >= helloRatio - 0.1),
    load: page.load.loadAverage,
  });
  rows.push(...registrationRows(reg));
  print(rows);
  return rows;
}

function registrationRows(reg: Awaited<ReturnType<typeof benchRegistration>>): Row[] {
  const load = os.loadavg()[0]!;
  const fair = 1.5 * (100 / reg.post.reqPerSec) * 1000;
  return [
    {
      target: "registration transaction ≤ 2.5 ms of Postgres CPU (pgbench, bench/register.sql)",
      floor: "2.5 ms",
      today: `${ms(reg.pgbench.postgresCpu)} (whole POST: ${ms(reg.cpu.postgres)})`,
      ok: reg.pgbench.postgresCpu <= 2.5,
      load,
    },
    {
      target: "registration ≤ 1.5 × floor action's Node CPU",
      floor: ms(reg.floor.appCpuPerPost),
      today: `${ms(reg.cpu.app)} (${(reg.cpu.app / reg.floor.appCpuPerPost).toFixed(2)} ×); with its mail ${ms(reg.cpu.appWithMail)}`,
      ok: reg.cpu.app <= 1.5 * reg.floor.appCpuPerPost,
      load,
    },
    {
      target: "burst ≥ 50 % of pgbench's throughput",
      floor: `pgbench ${reg.pgbench.tps.toFixed(0)}/s; floor action ${reg.floor.post.reqPerSec.toFixed(0)}/s`,
      today: `${reg.post.reqPerSec.toFixed(0)}/s (${pct(reg.post.reqPerSec / reg.pgbench.tps)})`,
      ok: reg.post.reqPerSec >= 0.5 * reg.pgbench.tps,
      load,
    },
    {
      target: "burst p99 ≤ 1.5 × (100 ÷ throughput), a fair queue",
      // The floor action measured the same way, against the same bound of its own throughput: the
      // part of the tail that is the framework's (its POST reads a session and redirects, nothing else).
      floor: `${ms(fair)}; floor action ${ms(reg.floor.post.p99)} against its ${ms(1.5 * (100 / reg.floor.post.reqPerSec) * 1000)}`,
      today: ms(reg.post.p99),
      ok: reg.post.p99 <= fair,
      load,
    },
    {
      target: "open loop at half the capacity: p99 ≤ 300 ms",
      floor: `${reg.openLoop.perSecond.toFixed(0)}/s offered`,
      today: ms(reg.openLoop.figures.p99),
      ok: reg.openLoop.figures.p99 <= 300,
      load,
    },
  ];
}

function print(rows: Row[]): void {
  console.log(`\n| target | floor | today | | load |\n|---|---|---|---|---|`);
  for (const r of rows)
    console.log(`| ${r.target} | ${r.floor} | ${r.today} | ${r.ok ? "✔" : "✘"} | ${r.load.toFixed(1)} |`);
}
