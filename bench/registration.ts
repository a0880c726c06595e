import os from "node:os";
import postgres from "postgres";
import { runPgbench, type PgbenchFigures } from "./pgbench";
import { prepareForms, submitForms, type PhaseFigures } from "./registration-burst";
import { CAPACITY, OWNERS, seedBurst, type BurstEvent } from "./registration-seed";
import { startTwoInstances } from "./registration-stack";

const CONCURRENCY = 100;
// Each load phase stops starting requests after this long (those in flight finish).
const PHASE_SECONDS = Number(process.env.BURST_SECONDS ?? 15);
const WARM_UP_OWNERS = 100;
// The issue's targets, on this 2-core machine.
const TARGET_RATIO = 0.5;
const TARGET_P99_MS = 300;

export type RegistrationFigures = { post: PhaseFigures; pgbench: PgbenchFigures; ratio: number; checks: Record<string, boolean> };

const ms = (v: number) => `${v.toFixed(0)} ms`;
const statusLine = (f: PhaseFigures) => [...f.statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s || "error"}×${n}`).join(" ");
const phaseLine = (label: string, f: PhaseFigures) =>
  `${label.padEnd(34)}${`${f.requests}/${f.offered}`.padStart(10)}${f.seconds.toFixed(1).padStart(8)} s${f.reqPerSec.toFixed(0).padStart(7)}/s  p50 ${ms(f.p50).padStart(7)}  p99 ${ms(f.p99).padStart(7)}  ${statusLine(f)}`;

/** What the database holds after the burst: the invariants the issue names. */
async function verify(databaseUrl: string, event: BurstEvent, registrationIds: string[]) {
  const n = registrationIds.length;
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ confirmed: number; waiting: number; seqs: number; regs: number; cars: number; keys: number; places: number }[]>`
      select
        (select count(*) from registration_sessions where session_id = ${event.sessionIds[0]!} and status = 'confirmed')::int as confirmed,
        (select count(*) from registration_sessions where session_id = ${event.sessionIds[0]!} and status = 'waiting')::int as waiting,
        (select count(distinct wait_seq) from registration_sessions where session_id = ${event.sessionIds[0]!} and status = 'waiting')::int as seqs,
        (select count(*) from registrations where event_id = ${event.eventId})::int as regs,
        (select count(distinct car_id) from registrations where event_id = ${event.eventId})::int as cars,
        (select count(distinct idempotency_key) from registrations where event_id = ${event.eventId})::int as keys,
        (select count(*) from registration_sessions rs join registrations r on r.id = rs.registration_id where r.event_id = ${event.eventId})::int as places`;
    const r = row!;
    console.log(`database: ${r.confirmed} confirmed, ${r.waiting} waiting (${r.seqs} distinct positions), ${r.regs} registrations, ${r.cars} distinct cars, ${r.keys} distinct idempotency keys`);
    return {
      [`exactly ${Math.min(CAPACITY, n)} confirmed (capacity ${CAPACITY}, ${n} registered)`]: r.confirmed === Math.min(CAPACITY, n),
      "every other car waiting, each in its own position": r.waiting === Math.max(0, n - CAPACITY) && r.seqs === r.waiting,
      "one registration per successful POST, no car twice": r.regs === n && r.cars === n && r.places === n,
      "idempotency keys unique": r.keys === r.regs,
      "every POST redirected to its own registration": new Set(registrationIds).size === n,
    };
  } finally {
    await sql.end();
  }
}

/** Waits (at most `seconds`) until the instances have sent the queued mails, so pgbench runs on a quiet machine. */
async function drainMailQueue(databaseUrl: string, seconds: number): Promise<number> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const deadline = Date.now() + seconds * 1000;
    for (;;) {
      const [row] = await sql<{ n: number }[]>`select count(*)::int as n from graphile_worker.jobs where task_identifier = 'mail' and run_at <= now() and attempts < max_attempts`;
      if (row!.n === 0 || Date.now() > deadline) return row!.n;
      await new Promise((r) => setTimeout(r, 500));
    }
  } finally {
    await sql.end();
  }
}

/**
 * 1,000 owners register through the real server action over HTTP against two `next start`
 * instances on one database (half on each, 100 in flight), then pgbench runs registerCar's SQL
 * on the same database, and the two are compared.
 */
export async function benchRegistration(): Promise<RegistrationFigures> {
  const stack = await startTwoInstances();
  try {
    const seed = await seedBurst(stack.databaseUrl);
    console.log(`two instances: ${stack.urls.join(", ")}; ${OWNERS} owners, one session of ${CAPACITY} places`);
    // JIT, module loading and the routes' first renders, on an event of its own.
    const warm = await prepareForms(stack.urls, seed.warmUp.slug, seed.owners.slice(0, WARM_UP_OWNERS), CONCURRENCY, 10);
    await submitForms(warm.forms, seed.warmUp.sessionIds[0]!, CONCURRENCY, 10);
    console.log(`load average before the burst: ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
    const prepared = await prepareForms(stack.urls, seed.burst.slug, seed.owners, CONCURRENCY, PHASE_SECONDS);
    const submitted = await submitForms(prepared.forms, seed.burst.sessionIds[0]!, CONCURRENCY, PHASE_SECONDS);
    console.log(`\n${"".padEnd(34)}${"done".padStart(10)}${"time".padStart(10)}${"rate".padStart(9)}`);
    console.log(phaseLine("GET register form (not timed)", prepared.figures));
    console.log(phaseLine("POST register (server action)", submitted.figures));
    for (const failure of [...prepared.figures.failures, ...submitted.figures.failures]) console.log(`  ${failure}`);
    const serverErrors = [...prepared.figures.statuses, ...submitted.figures.statuses].filter(([s]) => s >= 500 || s === 0).reduce((n, [, c]) => n + c, 0);
    const checks = { ...(await verify(stack.databaseUrl, seed.burst, submitted.registrationIds)), "no 5xx or network errors": serverErrors === 0 };
    const left = await drainMailQueue(stack.databaseUrl, 30);
    if (left) console.log(`(${left} mails still queued when pgbench started)`);
    console.log(`load average before pgbench: ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
    const pgbench = await runPgbench(stack.databaseUrl, { eventId: seed.burst.eventId, sessionId: seed.burst.sessionIds[1]! });
    const post = submitted.figures;
    const ratio = post.reqPerSec / pgbench.tps;
    console.log(`pgbench -c ${pgbench.clients} -j 2 -T ${pgbench.seconds} bench/register.sql: ${pgbench.transactions} tx, ${pgbench.tps.toFixed(0)} tps, p50 ${ms(pgbench.p50)}, p99 ${ms(pgbench.p99)}, ${pgbench.failed} failed`);
    console.log(`\napp ${post.reqPerSec.toFixed(0)} registrations/s at ${CONCURRENCY} owners in flight, p50 ${ms(post.p50)}, p99 ${ms(post.p99)}`);
    console.log(`app / pgbench: ${(ratio * 100).toFixed(0)} % (target ≥ ${TARGET_RATIO * 100} %) ${ratio >= TARGET_RATIO ? "✔" : "✘"}`);
    console.log(`p99 ${ms(post.p99)} (target ≤ ${TARGET_P99_MS} ms) ${post.p99 <= TARGET_P99_MS ? "✔" : "✘"}`);
    for (const [name, ok] of Object.entries(checks)) console.log(`${ok ? "✔" : "✘"} ${name}`);
    if (!Object.values(checks).every(Boolean)) throw new Error("the registration burst broke an invariant (see ✘ above)");
    return { post, pgbench, ratio, checks };
  } finally {
    await stack.stop();
  }
}
