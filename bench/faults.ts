import { answerCounts, burstWithRetries, type FormOutcome } from "./fault-burst";
import { faultChecks, faultFigures, type FaultFigures } from "./fault-checks";
import { watchHealth, type HealthLog } from "./fault-health";
import { prepareForms, submitForms } from "./registration-burst";
import { drainMailQueue } from "./registration-checks";
import { CAPACITY, OWNERS, seedBurst, type BurstSeed } from "./registration-seed";
import { startTwoInstances, type TwoInstances } from "./registration-stack";

// `npm run bench -- faults-sigterm` and `npm run bench -- faults-pg-restart`: the two-instance,
// 1,000-owner registration burst of bench/registration.ts with a fault in the middle of it, and
// what the database holds afterwards (docs/RELIABILITY.md). Figures, not a test: the machine is shared.

const CONCURRENCY = 100;
/** The fault strikes once this share of the owners has its 303. */
const FAULT_AT = Number(process.env.FAULT_AT ?? 0.3);

type Fault = (stack: TwoInstances, log: (line: string) => void) => Promise<void>;

async function prepared(
  stack: TwoInstances,
): Promise<{ seed: BurstSeed; forms: Awaited<ReturnType<typeof prepareForms>>["forms"] }> {
  const seed = await seedBurst(stack.databaseUrl);
  const warm = await prepareForms(stack.urls, seed.warmUp.slug, seed.owners.slice(0, 100), CONCURRENCY, 10);
  await submitForms(warm.forms, seed.warmUp.sessionIds[0]!, { concurrency: CONCURRENCY, seconds: 10 });
  // Every owner gets a form, however slow the machine: the burst is what is measured.
  const { forms } = await prepareForms(stack.urls, seed.burst.slug, seed.owners, CONCURRENCY, 120);
  return { seed, forms };
}

/** Runs the burst, strikes at FAULT_AT, waits for the mail queue, prints and checks the figures. */
async function burstWithFault(
  title: string,
  fault: Fault,
  { gone, inFlight = 0 }: { gone?: Set<number>; inFlight?: number } = {},
): Promise<{ figures: FaultFigures; health: HealthLog }> {
  const stack = await startTwoInstances();
  const health = watchHealth(stack.urls);
  try {
    const { seed, forms } = await prepared(stack);
    console.log(
      `two instances: ${stack.urls.join(", ")}; ${forms.length} of ${OWNERS} owners with a form, one session of ${CAPACITY} places, ${CONCURRENCY} in flight`,
    );
    const t0 = performance.now();
    const log = (line: string) =>
      console.log(`  ${((performance.now() - t0) / 1000).toFixed(1).padStart(5)} s  ${line}`);
    let struck: Promise<void> | undefined;
    health.mark(`${title} at ${FAULT_AT * 100} % of the owners`);
    const outcomes = await burstWithRetries(forms, {
      urls: stack.urls,
      sessionId: seed.burst.sessionIds[0]!,
      concurrency: CONCURRENCY,
      gone,
      onProgress: (n) => void (n === Math.ceil(forms.length * FAULT_AT) && (struck ??= fault(stack, log))),
    });
    log(`every form answered (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    await struck;
    const left = await drainMailQueue(stack.databaseUrl, 120);
    log(`mail queue ${left === 0 ? "drained" : `still ${left} jobs`}`);
    await health.settle(30_000);
    const figures = await faultFigures(stack.databaseUrl, seed.burst, outcomes);
    report(outcomes, figures, health);
    const checks = faultChecks(figures, inFlight);
    for (const [name, ok] of Object.entries(checks)) console.log(`${ok ? "✔" : "✘"} ${name}`);
    if (!Object.values(checks).every(Boolean)) throw new Error(`${title}: an invariant broke (see ✘ above)`);
    return { figures, health: health.log };
  } finally {
    health.stop();
    await stack.stop();
  }
}

function report(outcomes: FormOutcome[], f: FaultFigures, health: ReturnType<typeof watchHealth>) {
  console.log(
    `\nsent: ${f.forms} forms in ${f.posts} POSTs; answered 303: ${f.registered}; never answered 303: ${f.unanswered}`,
  );
  console.log(
    `answers: ${[...answerCounts(outcomes)]
      .sort()
      .map(([k, n]) => `${k} × ${n}`)
      .join(", ")}`,
  );
  const retried = outcomes.filter((o) => o.attempts.length > 1).length;
  console.log(`forms sent more than once: ${retried}`);
  console.log(
    `database: ${f.confirmed} confirmed, ${f.waiting} waiting, ${f.registrations} registrations; ${f.missing} answered 303 but missing; ${f.withoutAnswer} without a 303 to their owner`,
  );
  console.log(
    `mail: ${f.mailsSent} "Registration received" sent (${f.mailsTwice} twice), ${f.jobsLeft} jobs left, ${f.jobsLocked} locked`,
  );
  console.log(`health: ${health.summary()}`);
}

/** SIGTERM to the first instance: it finishes what it has, hands back its jobs and exits; the balancer sends the rest to the second. */
export async function benchSigterm() {
  const gone = new Set<number>();
  await burstWithFault(
    "SIGTERM to instance 1",
    async (stack, log) => {
      const app = stack.apps[0]!;
      const exited = new Promise<[number | null, string | null]>((resolve) =>
        app.once("exit", (code, signal) => resolve([code, signal])),
      );
      const t = performance.now();
      log("SIGTERM to instance 1");
      app.kill("SIGTERM");
      const [code, signal] = await exited;
      gone.add(0);
      log(`instance 1 exited with ${signal ?? `code ${code}`} after ${((performance.now() - t) / 1000).toFixed(1)} s`);
    },
    // A stopping instance finishes the mails it is sending: none may go out twice.
    { gone },
  );
}

/**
 * The database restarted as `pg_ctl restart -m fast` does (fast shutdown, start), with
 * FAULT_OUTAGE_SECONDS (default 0) between: both instances keep running and must reconnect.
 */
export async function benchPgRestart() {
  const outage = Number(process.env.FAULT_OUTAGE_SECONDS ?? 0);
  await burstWithFault(
    `Postgres restart (fast, ${outage} s down)`,
    async (stack, log) => {
      const t = performance.now();
      log(`PostgreSQL fast shutdown${outage ? `, ${outage} s down` : ""}, start`);
      await stack.postgres.restart(outage * 1000);
      log(`PostgreSQL accepting connections again after ${((performance.now() - t) / 1000).toFixed(1)} s`);
    },
    // Each instance's mail runner hands over two at a time (db/worker/options.ts): a mail handed
    // over when the database went away may be sent again by the retry.
    { inFlight: 2 * 2 },
  );
}
