import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";

export const NEXT_BIN = path.resolve("node_modules/next/dist/bin/next");
/**
 * How long an idle keep-alive connection stays open. Node's 5 s is shorter than its clients keep
 * theirs (a load balancer's 60 s, a Node agent's "until closed"): a request sent on a connection
 * the server is closing at that instant is reset, and no Node client retries it. Longer than the
 * client's, the client closes first. Shutdown closes idle connections at once (server/requests.ts).
 */
export const KEEP_ALIVE_MS = 65_000;

/**
 * Serves the production build; resolves once it answers on /api/health. `host` binds one address
 * (the demo: 127.0.0.1); without it Next listens on every interface. On SIGTERM or SIGINT the app
 * drains its requests and stops its mail worker before it exits (server/shutdown.ts, which
 * NEXT_MANUAL_SIG_HANDLE hands the signals to). `onLine`, if given, also reads each line the app
 * writes (still printed).
 */
export async function startNext(
  port: number,
  env: NodeJS.ProcessEnv,
  host?: string,
  onLine?: (line: string) => void,
): Promise<ChildProcess> {
  const args = [NEXT_BIN, "start", "-p", String(port), "--keepAliveTimeout", String(KEEP_ALIVE_MS)];
  if (host) args.push("-H", host);
  const childEnv = { ...env, NEXT_TELEMETRY_DISABLED: "1", NEXT_MANUAL_SIG_HANDLE: "1" };
  const output = onLine ? "pipe" : "inherit";
  const child = spawn(process.execPath, args, { stdio: ["ignore", output, output], env: childEnv });
  if (onLine)
    for (const [from, to] of [
      [child.stdout, process.stdout],
      [child.stderr, process.stderr],
    ] as const) {
      from?.pipe(to, { end: false });
      if (from) createInterface({ input: from, crlfDelay: Infinity }).on("line", onLine);
    }
  const origin = `http://${reachableHost(host)}:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`${origin}/api/health`);
      if (res.status === 200 || res.status === 503) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill("SIGTERM");
  throw new Error(`next start did not answer on port ${port} within 60 s`);
}

/** Where to reach a server bound to `host`: loopback unless it listens on one other address only. */
function reachableHost(host: string | undefined): string {
  if (!host || host === "0.0.0.0" || host === "::") return "127.0.0.1";
  return host.includes(":") ? `[${host}]` : host;
}

/**
 * SIGTERM, then resolves once the process has exited (SIGKILL after `graceMs`). Stop an app this
 * way before its database: it drains its requests, stops its mail worker and closes its pool
 * (server/shutdown.ts) while the database is still there.
 */
export async function stopProcess(child: ChildProcess, graceMs = 45_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
  await exited;
  clearTimeout(timer);
}
