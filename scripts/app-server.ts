import { buildSync } from "esbuild";
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { NEXT_BIN } from "./next-process";

// Build-time helpers (esbuild is a development package): the production launcher must not import this file.
export { startNext } from "./next-process";

const SOURCES = [
  "app",
  "components",
  "db",
  "lib",
  "i18n",
  "messages",
  "public",
  "auth.ts",
  "proxy.ts",
  "env.ts",
  "instrumentation.ts",
  "instrumentation-node.ts",
  "server",
  "next.config.js",
  "package.json",
];

/** AUTH_SECRET from the environment, else one generated once and kept in `.data/` (demo and dev only). */
export function authSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.resolve(".data/auth-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

function newestSource(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(entry).map((name) => newestSource(path.join(entry, name))));
}

/** True when there is no production build, or a source file changed since it was made. */
export function needsBuild(): boolean {
  const buildId = path.resolve(process.env.NEXT_DIST_DIR || ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  return SOURCES.some((entry) => newestSource(entry) > built);
}

/** `next build`, then the production launcher bundled beside it (see bundleLauncher). */
export function build(env: NodeJS.ProcessEnv = process.env): void {
  // `next build` adds its build folder's types to tsconfig.json; a build into a folder of one's
  // own (BENCH_DIST_DIR=.next-try) must not leave the tree changed, so the file is put back.
  const tsconfig = readFileSync("tsconfig.json", "utf8");
  const result = spawnSync(process.execPath, [NEXT_BIN, "build"], {
    stdio: "inherit",
    env: { ...env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (readFileSync("tsconfig.json", "utf8") !== tsconfig) writeFileSync("tsconfig.json", tsconfig);
  if (result.status !== 0) throw new Error("next build failed");
  bundleLauncher(env.NEXT_DIST_DIR || ".next");
}

/**
 * `npm start` and `npm run worker` must run where only the runtime packages are installed (no
 * tsx, no TypeScript): their TypeScript (scripts/serve-production.ts, which shares the database
 * and migration code with the demo; scripts/mail-worker.ts) is bundled into plain JavaScript in
 * the build folder, with every npm package left as an import (all of them runtime dependencies).
 * scripts/start.mjs runs them.
 */
export function bundleLauncher(distDir: string): void {
  for (const name of ["serve-production", "mail-worker"])
    buildSync({
      entryPoints: [path.resolve(`scripts/${name}.ts`)],
      outfile: path.resolve(distDir, `${name}.mjs`),
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      packages: "external",
      // `server-only` throws unless loaded under React's server condition, which only Next sets;
      // the mail worker's modules import it, and outside Next no browser can reach them.
      alias: { "server-only": path.resolve("node_modules/server-only/empty.js") },
      logLevel: "warning",
    });
}
