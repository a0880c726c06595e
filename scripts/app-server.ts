import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const NEXT_BIN = path.resolve("node_modules/next/dist/bin/next");
const SOURCES = ["app", "components", "db", "lib", "i18n", "messages", "public", "auth.ts", "proxy.ts", "env.ts", "instrumentation.ts", "next.config.js", "package.json"];

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

export function build(env: NodeJS.ProcessEnv = process.env): void {
  const result = spawnSync(process.execPath, [NEXT_BIN, "build"], { stdio: "inherit", env: { ...env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) throw new Error("next build failed");
}

/** Serves the production build; resolves once it answers on /api/health. */
export async function startNext(port: number, env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const child = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(port)], { stdio: ["ignore", "inherit", "inherit"], env: { ...env, NEXT_TELEMETRY_DISABLED: "1" } });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.status === 200 || res.status === 503) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill("SIGTERM");
  throw new Error(`next start did not answer on port ${port} within 60 s`);
}
