import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrateDatabase } from "../db/migrate";
import { tallyTable } from "../e2e/security/fuzz-report";
import { build, startNext } from "./app-server";
import { stopProcess } from "./next-process";
import { checkDeployment } from "./deploy-check";
import { ensureDatabase, freePort, startEmbeddedPostgres } from "./embedded-postgres";

// `npm test`: every suite, in the order a failure is cheapest to find. Prints each stage's time.
const timings: [string, number][] = [];
async function stage(name: string, run: () => void | Promise<void>) {
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  await run();
  const seconds = (Date.now() - started) / 1000;
  timings.push([name, seconds]);
  console.log(`✔ ${name} (${seconds.toFixed(1)} s)`);
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(" ")} failed (exit ${result.status ?? result.signal})`);
}

/** As run(), without blocking this process: the apps' output it reads (watchMessages) keeps flowing meanwhile. */
function runWhileAppsRun(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const child = spawn(command, args, { stdio: "inherit", env });
  return new Promise((resolve, reject) =>
    child.once("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} failed (exit ${code ?? signal})`)),
    ),
  );
}

const bin = (name: string) => path.resolve("node_modules/.bin", name);

// Debian packages the tests use: Chromium for Playwright, poppler's pdftotext to read PDFs back.
const SYSTEM_TOOLS = [
  { binary: "/usr/bin/chromium", pkg: "chromium" },
  { binary: "/usr/bin/pdftotext", pkg: "poppler-utils" },
];

function ensureSystemTools() {
  const missing = SYSTEM_TOOLS.filter((t) => !existsSync(t.binary)).map((t) => t.pkg);
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `The tests need Debian's ${missing.join(" and ")}: run \`sudo apt-get install -y ${missing.join(" ")}\` and try again.`,
    );
  }
  run("apt-get", ["update", "-qq"]);
  run("apt-get", ["install", "-y", "-qq", ...missing], { ...process.env, DEBIAN_FRONTEND: "noninteractive" });
}

// `npm test -- e2e specs/x.spec.ts --project=mobile`: one part (static, unit, deploy or e2e); what
// follows e2e goes to Playwright.
// `npm run fuzz` (part "fuzz"): the e2e set-up, then only the fuzz spec, 10,000 inputs per target.
const [only, ...playwrightArgs] = process.argv.slice(2);
const fuzz = only === "fuzz";
const workDir = mkdtempSync(path.join(os.tmpdir(), "ringmeet-test-"));
// mkdtemp makes it 0700; as root the server runs as `postgres`, which must pass through it.
chmodSync(workDir, 0o755);
let stopPg: (() => Promise<void>) | undefined;
let stopApp: (() => Promise<void>) | undefined;
let failed = false;
// next-intl logs a message it could not render, and the page shows the message's key instead:
// the end-to-end stage fails on any (a call that forgot one of a message's values printed the key).
const messageErrors = new Set<string>();
const NEXT_INTL_ERROR =
  /^Error: (MISSING_MESSAGE|MISSING_FORMAT|FORMATTING_ERROR|INVALID_MESSAGE|INVALID_KEY|INSUFFICIENT_PATH):/;
const watchMessages = (line: string) => {
  if (NEXT_INTL_ERROR.test(line)) messageErrors.add(line);
};
try {
  await stage("Chromium and pdftotext", ensureSystemTools);
  if (!only || only === "static") {
    await stage("Lint (eslint)", () => run(bin("eslint"), ["."]));
    await stage("Format (prettier --check)", () => run(bin("prettier"), ["--check", "."]));
    await stage("Types (tsc)", () => run(bin("tsc"), ["--noEmit"]));
  }
  if (!only || only === "unit") {
    // Unit and integration tests start their own embedded PostgreSQL (see vitest.global-setup.ts).
    await stage("Unit + integration (vitest)", () =>
      run(bin("vitest"), ["run"], { ...process.env, TZ: "Asia/Kathmandu" }),
    );
  }
  const e2e = !only || only === "e2e" || fuzz;
  const deploy = !only || only === "deploy";
  if (e2e || deploy) {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next-test",
    };
    // The test app keeps its mail in the development mailbox, whatever this shell says.
    delete env.SMTP_URL;
    await stage("Build (next build)", () => build(env));
    const pg = await startEmbeddedPostgres({
      dataDir: path.join(workDir, "pg"),
      port: await freePort(),
      flags: ["-c", "max_connections=200"],
    });
    stopPg = pg.stop;
    if (deploy) {
      await stage("Deployment (npm ci --omit=dev, npm start)", async () => {
        await ensureDatabase(pg.url("postgres"), "ringmeet_deploy");
        await checkDeployment({
          distDir: env.NEXT_DIST_DIR!,
          dir: path.join(workDir, "deploy"),
          databaseUrl: pg.url("ringmeet_deploy"),
        });
      });
    }
    if (e2e) {
      await stage("Start PostgreSQL + app", async () => {
        await ensureDatabase(pg.url("postgres"), "ringmeet_e2e");
        env.DATABASE_URL = pg.url("ringmeet_e2e");
        await migrateDatabase(env.DATABASE_URL);
        const port = await freePort();
        Object.assign(env, {
          PORT: String(port),
          APP_URL: `http://localhost:${port}`,
          AUTH_URL: `http://localhost:${port}`,
          AUTH_SECRET: randomBytes(32).toString("base64url"),
          DEV_MAILBOX: "1",
        });
        // As if behind one reverse proxy: tests that need many client addresses (rate limits, the
        // fuzzer) send X-Forwarded-For; a browser's requests still count as the loopback peer's.
        env.TRUST_PROXY = "1";
        // Every interface (no host), so e2e/specs/dev-mailbox.spec.ts can call from this machine's
        // network address the way another computer would; the mailbox answers loopback only.
        const app = await startNext(port, env, undefined, watchMessages);
        // A second instance on the same database, as behind a load balancer: tests of what one
        // instance's change means for the other (e2e/specs/two-instances.desktop.spec.ts).
        const secondPort = await freePort();
        const second = await startNext(secondPort, { ...env, PORT: String(secondPort) }, undefined, watchMessages);
        env.E2E_SECOND_URL = `http://localhost:${secondPort}`;
        // The apps first, then their database: each drains, stops its mail worker and closes its
        // pool; one still running after the grace time is killed, so no server outlives the run.
        stopApp = async () => {
          await Promise.all([stopProcess(app), stopProcess(second)]);
        };
      });
      if (fuzz)
        Object.assign(env, {
          FUZZ_RUNS: process.env.FUZZ_RUNS ?? "10000",
          FUZZ_REPORT: path.join(workDir, "fuzz.jsonl"),
        });
      const args = fuzz
        ? [
            "e2e/specs/security-fuzz.desktop.spec.ts",
            "--project=desktop",
            `--workers=${process.env.FUZZ_WORKERS ?? 6}`,
            ...playwrightArgs,
          ]
        : playwrightArgs;
      await stage(fuzz ? "Fuzzing (playwright)" : "End-to-end (playwright)", () =>
        runWhileAppsRun(bin("playwright"), ["test", ...args], { ...env, E2E_BASE_URL: env.APP_URL }),
      );
      if (messageErrors.size > 0)
        throw new Error(
          `the apps could not render ${messageErrors.size} message(s) (next-intl showed their keys):\n  ${[...messageErrors].join("\n  ")}`,
        );
    }
  }
} catch (error) {
  failed = true;
  console.error(`\n✘ ${error instanceof Error ? error.message : error}`);
} finally {
  if (fuzz)
    console.log(
      `\nFuzzing, per target (FUZZ_RUNS=${process.env.FUZZ_RUNS ?? "10000"}):\n${tallyTable(path.join(workDir, "fuzz.jsonl"))}`,
    );
  await stopApp?.();
  await stopPg?.();
  rmSync(workDir, { recursive: true, force: true });
  console.log("\nStage times:");
  for (const [name, seconds] of timings) console.log(`  ${name.padEnd(32)} ${seconds.toFixed(1)} s`);
  console.log(`  ${"total".padEnd(32)} ${timings.reduce((s, [, t]) => s + t, 0).toFixed(1)} s`);
}
process.exit(failed ? 1 : 0);
