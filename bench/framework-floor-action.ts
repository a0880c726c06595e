import os from "node:os";
import { cpuMs } from "./cpu";
import { FLOOR_FORM, prepareForms, submitFloorForms, type PhaseFigures } from "./registration-burst";
import { OWNERS, seedBurst, type BurstSeed } from "./registration-seed";
import { startTwoInstances, type TwoInstances } from "./registration-stack";

const CONCURRENCY = 100;
const PHASE_SECONDS = Number(process.env.BURST_SECONDS ?? 15);
const WARM_UP = 100;

export type FloorFigures = { post: PhaseFigures; appCpuPerPost: number };

/**
 * Next's own cost of what a registration POST does besides registering: each owner POSTs the floor
 * form (app/bench/floor-action: a server action through the same checks that reads the session
 * and redirects) to the same two instances, 100 in flight; after a warm-up of its own, the CPU
 * time of the two app processes per POST. The registration bench runs it on its own stack first.
 */
export async function floorPhase(stack: TwoInstances, seed: BurstSeed): Promise<FloorFigures> {
  const page = { page: "/bench/floor-action", marker: FLOOR_FORM };
  const warm = await prepareForms(stack.urls, "", seed.owners.slice(0, WARM_UP), CONCURRENCY, 10, page);
  await submitFloorForms(warm.forms, { concurrency: CONCURRENCY, seconds: 10 });
  const prepared = await prepareForms(stack.urls, "", seed.owners, CONCURRENCY, PHASE_SECONDS, page);
  const before = cpuMs(stack.pids.apps);
  const post = await submitFloorForms(prepared.forms, { concurrency: CONCURRENCY, seconds: PHASE_SECONDS });
  const appCpuPerPost = (cpuMs(stack.pids.apps) - before) / post.requests;
  const failures = [...prepared.figures.failures, ...post.failures];
  if (failures.length || post.requests === 0) throw new Error(`the floor action failed:\n${failures.join("\n")}`);
  console.log(
    `floor action: ${post.requests} POSTs, ${post.reqPerSec.toFixed(0)}/s at ${CONCURRENCY} in flight, p50 ${post.p50.toFixed(0)} ms, p99 ${post.p99.toFixed(0)} ms; ${appCpuPerPost.toFixed(1)} ms of app CPU per POST`,
  );
  return { post, appCpuPerPost };
}

/** `npm run bench -- framework-floor-action`: the floor alone, on the registration bench's stack and data. */
export async function benchFrameworkFloorAction(): Promise<FloorFigures> {
  const stack = await startTwoInstances();
  try {
    const seed = await seedBurst(stack.databaseUrl);
    console.log(`two instances: ${stack.urls.join(", ")}; ${OWNERS} owners signed in`);
    console.log(
      `load average: ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")}`,
    );
    return await floorPhase(stack, seed);
  } finally {
    await stack.stop();
  }
}
