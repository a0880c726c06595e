import os from "node:os";
import { balancerMode, describeBalancer } from "./balancer";
import { cpuMs, reapedChildrenMs } from "./cpu";
import { floorPhase, type FloorFigures } from "./framework-floor-action";
import { runPgbench, type PgbenchFigures } from "./pgbench";
import { prepareForms, submitForms, type PhaseFigures } from "./registration-burst";
import { drainMailQueue, mailsSentSoFar, verify } from "./registration-checks";
import { CAPACITY, OWNERS, seedBurst } from "./registration-seed";
import { startTwoInstances } from "./registration-stack";

const CONCURRENCY = 100;
// Each load phase stops starting requests after this long (those in flight finish).
const PHASE_SECONDS = Number(process.env.BURST_SECONDS ?? 15);
const OPEN_LOOP_SECONDS = 10;
const WARM_UP_OWNERS = 100;

export type RegistrationFigures = {
  floor: FloorFigures;
  post: PhaseFigures;
  /** CPU ms per registration: during the burst, and until its mails were sent as well. */
  cpu: { app: number; postgres: number; appWithMail: number; postgresWithMail: number };
  openLoop: { perSecond: number; figures: PhaseFigures };
  pgbench: PgbenchFigures & { postgresCpu: number; clientCpu: number };
  checks: Record<string, boolean>;
};

export const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");

const ms = (v: number) => `${v.toFixed(0)} ms`;
const statusLine = (f: PhaseFigures) =>
  [...f.statuses]
    .sort(([a], [b]) => a - b)
    .map(([s, n]) => `${s || "error"}×${n}`)
    .join(" ");
const phaseLine = (label: string, f: PhaseFigures) =>
  `${label.padEnd(34)}${`${f.requests}/${f.offered}`.padStart(10)}${f.seconds.toFixed(1).padStart(8)} s${f.reqPerSec.toFixed(0).padStart(7)}/s  p50 ${ms(f.p50).padStart(7)}  p99 ${ms(f.p99).padStart(7)}  ${statusLine(f)}`;
const serverErrors = (...phases: PhaseFigures[]) =>
  phases.flatMap((f) => [...f.statuses]).reduce((n, [s, c]) => (s >= 500 || s === 0 ? n + c : n), 0);

/**
 * 1,000 owners register through the real server action over HTTP against two `next start`
 * instances on one database (bench/balancer.ts spreads them, 100 in flight), after the floor
 * action measured the same way; then owners arrive in an open loop at half the burst's rate;
 * then pgbench runs registerCar's SQL on the same database with the apps stopped. CPU time per
 * registration is measured from /proc, since on a shared machine the rates alone say little.
 * bench/all.ts judges the figures against the issue's targets.
 */
export async function benchRegistration(): Promise<RegistrationFigures> {
  const stack = await startTwoInstances();
  const { apps, worker, postgres: pg } = stack.pids;
  // The mail worker's own process (if it runs apart) counts with the mail, not the POST.
  const cpu = () => [cpuMs(apps), cpuMs([pg]), worker ? cpuMs([worker]) : 0] as const;
  // RINGMEET_WORKER=0 (passed on to the instances) leaves the mails queued: nothing to wait for.
  const mailSent = async () => (process.env.RINGMEET_WORKER === "0" ? 0 : drainMailQueue(stack.databaseUrl, 60));
  try {
    const seed = await seedBurst(stack.databaseUrl);
    console.log(
      `two instances: ${stack.urls.join(", ")} behind ${describeBalancer(balancerMode())}; ${OWNERS} owners, one session of ${CAPACITY} places`,
    );
    // JIT, module loading and the routes' first renders, on an event of its own.
    const warmOwners = seed.owners.slice(0, WARM_UP_OWNERS);
    const warm = await prepareForms(stack.urls, seed.warmUp.slug, warmOwners, CONCURRENCY, 10);
    await submitForms(warm.forms, seed.warmUp.sessionIds[0]!, { concurrency: CONCURRENCY, seconds: 10 });
    await mailSent();
    console.log(`load average before the floor action: ${loadAverage()}`);
    const floor = await floorPhase(stack, seed);

    const prepared = await prepareForms(stack.urls, seed.burst.slug, seed.owners, CONCURRENCY, PHASE_SECONDS);
    console.log(`load average before the burst: ${loadAverage()}`);
    const before = cpu();
    const perInstanceBefore = apps.map((pid) => cpuMs([pid]));
    const submitted = await submitForms(prepared.forms, seed.burst.sessionIds[0]!, {
      concurrency: CONCURRENCY,
      seconds: PHASE_SECONDS,
    });
    const post = submitted.figures;
    const during = cpu();
    const perInstance = apps.map((pid, i) => cpuMs([pid]) - perInstanceBefore[i]!);
    const mailsDuring = await mailsSentSoFar(stack.databaseUrl, seed.burst.eventId);
    const left = await mailSent();
    const after = cpu();
    const per = (a: number, b: number) => (a - b) / post.requests;
    const cpuFigures = {
      app: per(during[0], before[0]),
      postgres: per(during[1], before[1]),
      appWithMail: per(after[0] + after[2], before[0] + before[2]),
      postgresWithMail: per(after[1], before[1]),
    };
    console.log(`\n${"".padEnd(34)}${"done".padStart(10)}${"time".padStart(10)}${"rate".padStart(9)}`);
    console.log(phaseLine("GET register form (not timed)", prepared.figures));
    console.log(phaseLine("POST register (server action)", post));
    // How the balancer spread the POSTs, and each instance's tail (each queues only its own requests).
    for (const [url, g] of post.groups ?? []) {
      const used = perInstance[stack.urls.indexOf(url)]!;
      console.log(
        `  on ${url}: ${g.requests} POSTs, p50 ${g.p50.toFixed(0)} ms, p99 ${g.p99.toFixed(0)} ms; ${(used / g.requests).toFixed(1)} ms of its CPU per POST`,
      );
    }
    for (const failure of [...prepared.figures.failures, ...post.failures]) console.log(`  ${failure}`);
    console.log(
      `CPU per registration: ${cpuFigures.app.toFixed(1)} ms in the two app processes and ${cpuFigures.postgres.toFixed(1)} ms in PostgreSQL during the burst` +
        `${worker ? ` (the mail worker's process: ${per(during[2], before[2]).toFixed(1)} ms)` : " (the apps work the mail queue)"}; ` +
        `${cpuFigures.appWithMail.toFixed(1)} (apps and worker) and ${cpuFigures.postgresWithMail.toFixed(1)} ms until its mails were sent${left ? ` (${left} still queued)` : ""}`,
    );
    console.log(
      `mails of the burst's registrations by its end: ${mailsDuring.sent} sent, ${mailsDuring.jobs} given their jobs`,
    );
    const checks: Record<string, boolean> = {
      ...(await verify(stack.databaseUrl, seed.burst, submitted.registrationIds)),
      "no 5xx or network errors": serverErrors(prepared.figures, post) === 0,
    };

    const openLoop = await openLoopPhase(stack.urls, seed, post.reqPerSec / 2);
    checks["no 5xx or network errors in the open loop"] = serverErrors(openLoop.figures) === 0;
    await mailSent();
    // Nothing else touches the database while pgbench runs: no drain, no worker polling.
    await stack.stopApps();
    console.log(`load average before pgbench: ${loadAverage()}`);
    const pgBefore = [cpuMs([pg]), reapedChildrenMs()];
    const figures = await runPgbench(stack.databaseUrl, {
      eventId: seed.burst.eventId,
      sessionId: seed.burst.sessionIds[1]!,
    });
    const pgbench = {
      ...figures,
      postgresCpu: (cpuMs([pg]) - pgBefore[0]!) / figures.transactions,
      clientCpu: (reapedChildrenMs() - pgBefore[1]!) / figures.transactions,
    };
    console.log(
      `pgbench -c ${pgbench.clients} -j 2 -T ${pgbench.seconds} bench/register.sql: ${pgbench.transactions} tx, ${pgbench.tps.toFixed(0)} tps, p50 ${ms(pgbench.p50)}, p99 ${ms(pgbench.p99)}, ${pgbench.failed} failed; ` +
        `${pgbench.postgresCpu.toFixed(2)} ms of PostgreSQL CPU and ${pgbench.clientCpu.toFixed(2)} ms of pgbench's per transaction`,
    );
    for (const [name, ok] of Object.entries(checks)) console.log(`${ok ? "✔" : "✘"} ${name}`);
    if (!Object.values(checks).every(Boolean))
      throw new Error("the registration burst broke an invariant (see ✘ above)");
    return { floor, post, cpu: cpuFigures, openLoop, pgbench, checks };
  } finally {
    await stack.stop();
  }
}

/** Owners arriving at `perSecond` (half the burst's rate) on an event of their own, each POST timed from when it was due. */
async function openLoopPhase(urls: string[], seed: Awaited<ReturnType<typeof seedBurst>>, perSecond: number) {
  const prepared = await prepareForms(urls, seed.openLoop.slug, seed.owners, CONCURRENCY, PHASE_SECONDS);
  console.log(`load average before the open loop: ${loadAverage()}`);
  const { figures } = await submitForms(prepared.forms, seed.openLoop.sessionIds[0]!, {
    perSecond,
    seconds: OPEN_LOOP_SECONDS,
  });
  console.log(phaseLine(`POST open loop at ${perSecond.toFixed(0)}/s`, figures));
  for (const failure of figures.failures) console.log(`  ${failure}`);
  return { perSecond, figures };
}
