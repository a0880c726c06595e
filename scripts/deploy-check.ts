import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, existsSync } from "node:fs";
import path from "node:path";
import { freePort } from "./embedded-postgres";

/** What a deployment takes from a built checkout besides the build folder (README, "Deploying"). */
const DEPLOYED = [
  "package.json",
  "package-lock.json",
  "next.config.js",
  "lib/content-security-policy.js",
  "scripts/start.mjs",
  "db/migrations",
  "public",
];
const PAGES = ["/api/health", "/events", "/signin", "/serwist/sw.js", "/robots.txt", "/icon-512.png"];

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env) {
  const result = spawnSync(command, args, { cwd, env, stdio: "inherit" });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed in ${cwd}`);
}

/**
 * Proves `npm start` serves the build on the runtime packages alone: copies what a deployment
 * needs into `dir`, installs with `npm ci --omit=dev` (no tsx, TypeScript, esbuild or serwist), and
 * starts it on `databaseUrl` with a production configuration. Refusing a configuration without
 * APP_URL is checked on the way.
 */
export async function checkDeployment(options: { distDir: string; dir: string; databaseUrl: string }): Promise<void> {
  const { dir } = options;
  const distDir = path.resolve(options.distDir);
  for (const entry of DEPLOYED) cpSync(entry, path.join(dir, entry), { recursive: true });
  // Without the compiler's cache; the build's relative links into node_modules stay relative.
  cpSync(distDir, path.join(dir, ".next"), {
    recursive: true,
    verbatimSymlinks: true,
    filter: (src) => !src.startsWith(path.join(distDir, "cache")),
  });
  run("npm", ["ci", "--omit=dev", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], dir);
  // (TypeScript itself arrives as a peer of graphile-worker's cosmiconfig; the launcher does not use it.)
  for (const dev of ["tsx", "esbuild"]) {
    if (existsSync(path.join(dir, "node_modules/.bin", dev)))
      throw new Error(`npm ci --omit=dev installed ${dev}: it is not a runtime-only install`);
  }

  const port = await freePort();
  const { NEXT_DIST_DIR: _dist, DEV_MAILBOX: _mailbox, ...inherited } = process.env;
  // `npm test` puts this checkout's node_modules/.bin (tsx and the rest) on PATH: not on a server.
  const PATH = (process.env.PATH ?? "")
    .split(path.delimiter)
    .filter((entry) => !entry.includes("node_modules"))
    .join(path.delimiter);
  const env = {
    ...inherited,
    PATH,
    DATABASE_URL: options.databaseUrl,
    PORT: String(port),
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    SMTP_URL: "smtp://127.0.0.1:9",
    APP_URL: `http://localhost:${port}`,
  };
  const { APP_URL: _url, ...withoutOrigin } = env;
  const refused = spawnSync("npm", ["start", "--silent"], {
    cwd: dir,
    env: withoutOrigin,
    encoding: "utf8",
    timeout: 30_000,
  });
  if (refused.status === 0 || !refused.stderr.includes("APP_URL is required in production")) {
    throw new Error(
      `npm start without APP_URL should stop with one line; it exited ${refused.status}: ${refused.stderr}`,
    );
  }

  // Its own process group, so the launcher, Next and anything they started stop together.
  const server = spawn("npm", ["start"], { cwd: dir, env, detached: true, stdio: ["ignore", "inherit", "inherit"] });
  try {
    await waitForHealth(`http://127.0.0.1:${port}`, () => server.exitCode);
    for (const page of PAGES) {
      const response = await fetch(`http://127.0.0.1:${port}${page}`);
      if (response.status !== 200)
        throw new Error(`GET ${page} answered ${response.status} on the runtime-only install`);
    }
    const mailbox = await fetch(`http://127.0.0.1:${port}/api/dev/mail`);
    if (mailbox.status !== 404) throw new Error(`the development mailbox answered ${mailbox.status} with SMTP_URL set`);
    console.log(`  npm start on runtime packages: ${PAGES.join(", ")} answered 200; the mailbox is off.`);
  } finally {
    await stopGroup(server);
  }
  await checkWorker(dir, env);
}

/** `npm run worker` on the same install reaches the database and works the mail queue. */
async function checkWorker(dir: string, env: NodeJS.ProcessEnv): Promise<void> {
  const worker = spawn("npm", ["run", "--silent", "worker"], {
    cwd: dir,
    env,
    detached: true,
    stdio: ["ignore", "inherit", "pipe"],
  });
  let said = "";
  worker.stderr!.on("data", (chunk: Buffer) => {
    said += chunk;
    process.stderr.write(chunk);
  });
  try {
    for (const deadline = Date.now() + 60_000; !said.includes("working the mail queue");) {
      if (worker.exitCode !== null) throw new Error(`npm run worker exited with code ${worker.exitCode}`);
      if (Date.now() > deadline) throw new Error("npm run worker did not reach the database within 60 s");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    console.log("  npm run worker on runtime packages: working the mail queue.");
  } finally {
    await stopGroup(worker);
  }
}

/** SIGTERM to the server's process group; waits until every process in it is gone (SIGKILL after ten seconds). */
async function stopGroup(server: ChildProcess): Promise<void> {
  const group = -server.pid!;
  const alive = () => {
    try {
      process.kill(group, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (!alive()) return;
  process.kill(group, "SIGTERM");
  const deadline = Date.now() + 10_000;
  while (alive()) {
    if (Date.now() > deadline) process.kill(group, "SIGKILL");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function waitForHealth(origin: string, exited: () => number | null): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (exited() !== null) throw new Error(`npm start exited with code ${exited()}`);
    try {
      if ((await fetch(`${origin}/api/health`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`npm start did not answer on ${origin} within 60 s`);
}
