import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queueSignIn } from "@/db/mail/queue";
import { openScratchDatabase } from "@/test/scratch-database";
import { bundleLauncher } from "./app-server";

// The bundle `npm run worker` runs, as a process of its own on a database of its own (it would
// otherwise take other test files' jobs): it sends what is queued and stops cleanly on SIGTERM.

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("the mail worker in a process of its own", () => {
  let database: Awaited<ReturnType<typeof openScratchDatabase>>;
  // Inside the project, so the bundle finds node_modules as it does in a build folder.
  const distDir = mkdtempSync(path.resolve(".next-worker-test-"));
  beforeAll(async () => {
    database = await openScratchDatabase("worker_process");
    bundleLauncher(distDir);
  });
  afterAll(async () => {
    await database?.drop();
    rmSync(distDir, { recursive: true, force: true });
  });

  it("sends a queued sign-in link and exits 0 on SIGTERM", { timeout: 60_000 }, async () => {
    const to = `worker-${Date.now()}@example.test`;
    await queueSignIn(database.db, to, "http://localhost:3000/signin/confirm?token=abc", "en");
    const child = spawn(process.execPath, [path.resolve("scripts/start.mjs"), "mail-worker"], {
      env: { PATH: process.env.PATH, NODE_ENV: "development", NEXT_DIST_DIR: distDir, DATABASE_URL: database.url },
      stdio: ["ignore", "inherit", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => void (stderr += chunk));
    let exitCode: number | null | undefined;
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve((exitCode = code))));
    try {
      let sent: { subject: string; text: string }[] = [];
      for (const deadline = Date.now() + 30_000; sent.length === 0; await sleep(100)) {
        if (exitCode !== undefined || Date.now() > deadline)
          throw new Error(`no mail (worker exit code ${exitCode}); the worker said:\n${stderr}`);
        sent = await database.sql<
          { subject: string; text: string }[]
        >`select subject, text from dev_mail where "to" = ${to}`;
      }
      expect(sent).toHaveLength(1);
      expect(sent[0]!.text).toContain("http://localhost:3000/signin/confirm?token=abc");
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exited).toBe(0);
    expect(stderr).toContain("SIGTERM: finishing the mails in hand");
  });
});
