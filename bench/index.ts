import os from "node:os";
import { benchAll } from "./all";
import { benchEventPage } from "./event-page";
import { benchEventPageBudget } from "./event-page-budget";
import { benchPgRestart, benchSigterm } from "./faults";
import { benchFrameworkFloor } from "./framework-floor";
import { benchFrameworkFloorAction } from "./framework-floor-action";
import { benchLottery } from "./lottery";
import { benchRegistration } from "./registration";
import { benchRoster } from "./roster";
import { startStack, type Stack } from "./stack";

// `npm run bench`: every bench, then stop; `npm run bench -- registration` runs only the named ones.
// Benches with `stack: true` share one production server with the demo data (started once, and only
// when one of them runs); the others bring up what they measure and stop it themselves.
type Bench =
  | { id: string; name: string; stack: true; run: (stack: Stack) => Promise<unknown> }
  | { id: string; name: string; stack?: false; run: () => Promise<unknown>; onlyByName?: boolean };

const benches: Bench[] = [
  { id: "event-page", name: "Public event page vs static file", stack: true, run: benchEventPage },
  {
    id: "event-page-budget",
    name: "Public event page: first-load JavaScript and Lighthouse (mobile)",
    stack: true,
    run: benchEventPageBudget,
  },
  {
    id: "framework-floor",
    name: "Next's own floor: a hello-world page, first-load JavaScript and Lighthouse (mobile)",
    run: benchFrameworkFloor,
  },
  {
    id: "framework-floor-action",
    name: "Next's own floor for a POST: a signed-in server action that only redirects, two instances",
    run: benchFrameworkFloorAction,
  },
  { id: "registration", name: "Registration burst: two instances over HTTP vs pgbench", run: benchRegistration },
  { id: "roster", name: "Roster search over 2,000 registrations (server-side, p50/p95)", run: benchRoster },
  { id: "lottery", name: "Lottery allocation: min-cost flow vs greedy", run: benchLottery },
  // Issue 20's table: every target against its floor (the page and registration measured again).
  { id: "all", name: "Every performance target against its floor, one table", run: benchAll, onlyByName: true },
  // Faults (docs/RELIABILITY.md): not part of a plain `npm run bench`; name them to run them.
  {
    id: "faults-sigterm",
    name: "SIGTERM under load: one of two instances stopped mid-burst",
    run: benchSigterm,
    onlyByName: true,
  },
  {
    id: "faults-pg-restart",
    name: "Postgres restart under load: fast shutdown and start mid-burst",
    run: benchPgRestart,
    onlyByName: true,
  },
];

const wanted = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const unknown = wanted.filter((w) => !benches.some((b) => b.id === w));
if (unknown.length) {
  console.error(`Unknown bench ${unknown.join(", ")}; choose from ${benches.map((b) => b.id).join(", ")}.`);
  process.exit(2);
}
const selected = wanted.length
  ? benches.filter((b) => wanted.includes(b.id))
  : benches.filter((b) => b.stack || !b.onlyByName);

console.log(
  `Ringmeet benches, ${new Date().toISOString()}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, Node ${process.version}`,
);
let failed = false;
let stack: Stack | undefined;
try {
  for (const bench of selected.filter((b) => b.stack)) {
    stack ??= await startStack();
    console.log(`\n▶ ${bench.name}`);
    if (bench.stack) await bench.run(stack);
  }
} catch (error) {
  failed = true;
  console.error(error instanceof Error ? error.message : error);
} finally {
  await stack?.stop();
}
for (const bench of selected.filter((b) => !b.stack)) {
  try {
    console.log(`\n▶ ${bench.name}`);
    if (!bench.stack) await bench.run();
  } catch (error) {
    failed = true;
    console.error(error instanceof Error ? error.message : error);
  }
}
process.exit(failed ? 1 : 0);
