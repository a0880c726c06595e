import { spawn, type ChildProcess } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { stopProcess } from "./next-process";

const started: ChildProcess[] = [];
afterEach(() => {
  for (const proc of started.splice(0)) if (proc.exitCode === null && proc.signalCode === null) proc.kill("SIGKILL");
});

// A child that says when it is ready, so the signal never arrives before its handler is set.
function child(script: string) {
  const proc = spawn(process.execPath, ["-e", `${script}; console.log("ready"); setInterval(() => {}, 1000)`], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  started.push(proc);
  const ready = new Promise<void>((resolve) => proc.stdout.once("data", () => resolve()));
  return { proc, ready };
}

describe("stopProcess", () => {
  it("resolves only after the process has finished its SIGTERM handler and exited", async () => {
    const { proc, ready } = child(`process.on("SIGTERM", () => setTimeout(() => process.exit(0), 300))`);
    await ready;
    const started = Date.now();
    await stopProcess(proc);
    expect(proc.exitCode).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });

  it("kills a process that ignores SIGTERM once the grace time is over", async () => {
    const { proc, ready } = child(`process.on("SIGTERM", () => {})`);
    await ready;
    await stopProcess(proc, 300);
    expect(proc.signalCode).toBe("SIGKILL");
  });

  it("returns at once for a process that has already exited", async () => {
    const { proc, ready } = child(`setTimeout(() => process.exit(3), 0)`);
    await ready;
    await new Promise((resolve) => proc.once("exit", resolve));
    await stopProcess(proc);
    expect(proc.exitCode).toBe(3);
  });
});
