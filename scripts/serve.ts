import type { ChildProcess } from "node:child_process";
import path from "node:path";
import { migrateDatabase } from "../db/migrate";
import { parseEnv } from "../lib/env";
import { openDatabase, type Database } from "./database";
import { handleSignalsYourself } from "./embedded-postgres";
import { startNext, stopProcess } from "./next-process";

// What `npm run demo` and `npm start` share. It is bundled into the build for `npm start`
// (scripts/app-server.ts bundleLauncher), so it imports no development package.

type ServeOptions = {
  /** Settings over this process's environment (PORT, APP_URL…); the result is checked by lib/env.ts. */
  settings: Record<string, string | undefined>;
  /** After the migrations, before the app starts (the demo seeds, and builds when needed). */
  prepare?: (databaseUrl: string, env: NodeJS.ProcessEnv) => Promise<void>;
  /** One address to listen on; every interface when unset. */
  host?: string;
  announce: (env: NodeJS.ProcessEnv) => void;
};

/**
 * Opens the database (DATABASE_URL, else the embedded server), migrates it and serves the build
 * until Ctrl-C, SIGTERM or the app's own exit, then stops the app and the embedded database.
 */
export async function serve(options: ServeOptions): Promise<void> {
  // The app's environment for a database; parseEnv throws on a bad one, before the database changes.
  const environment = (databaseUrl: string) => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...options.settings,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
    };
    parseEnv(env);
    return env;
  };
  try {
    // A bad configuration stops here, before an embedded database starts (its URL is not known
    // yet, so a stand-in of the same form is checked).
    environment(process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/ringmeet");
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  // Ctrl-C and SIGTERM stop the app first, then the database (below), not both at once.
  handleSignalsYourself();
  let database: Database | undefined;
  let app: ChildProcess | undefined;
  let stopping = false;
  async function stop(code: number) {
    if (stopping) return;
    stopping = true;
    // The app first: it finishes its requests (20 s at most), stops its mail worker and closes its
    // pool (server/shutdown.ts); only then the database. On Ctrl-C the terminal has signalled the
    // app too (the embedded database runs in a process group of its own and was not).
    if (app) await stopProcess(app);
    await database?.stop();
    process.exit(code);
  }
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));

  try {
    database = await openDatabase();
    const env = environment(database.url);
    // Beside the package.json (npm runs scripts there), wherever this code was bundled to.
    await migrateDatabase(database.url, path.resolve("db/migrations"));
    await options.prepare?.(database.url, env);
    const child = await startNext(Number(env.PORT), env, options.host);
    app = child;
    child.on("exit", (code) => void stop(code ?? 0));
    options.announce(env);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await stop(1);
  }
}
