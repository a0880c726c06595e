import { spawn } from "node:child_process";
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export const PGBENCH = process.env.PGBENCH ?? "/usr/bin/pgbench";
const SCRIPT = path.resolve(import.meta.dirname, "register.sql");

export type PgbenchFigures = {
  clients: number;
  seconds: number;
  transactions: number;
  tps: number;
  p50: number;
  p99: number;
  failed: number;
};

/**
 * bench/register.sql (registerCar's transaction) with pgbench on `databaseUrl`, every client on
 * the one session row `sessionId`. Latencies come from pgbench's per-transaction log (-l).
 */
export async function runPgbench(
  databaseUrl: string,
  ids: { eventId: string; sessionId: string },
  clients = 10,
  seconds = 10,
): Promise<PgbenchFigures> {
  const logDir = mkdtempSync(path.join(os.tmpdir(), "ringmeet-pgbench-"));
  chmodSync(logDir, 0o755);
  try {
    const args = [
      "-n",
      "-M",
      "prepared",
      "-c",
      String(clients),
      "-j",
      "2",
      "-T",
      String(seconds),
      "-f",
      SCRIPT,
      "-D",
      `event=${ids.eventId}`,
      "-D",
      `sid=${ids.sessionId}`,
      "-l",
      `--log-prefix=${path.join(logDir, "tx")}`,
      databaseUrl,
    ];
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(PGBENCH, args, { stdio: ["ignore", "pipe", "pipe"] });
      let text = "";
      child.stdout.on("data", (d) => (text += d));
      child.stderr.on("data", (d) => (text += d));
      child.on("error", reject);
      // pgbench stops itself after -T; this only guards against a hang.
      const guard = setTimeout(() => child.kill("SIGINT"), (seconds + 20) * 1000);
      child.on("exit", (code) => {
        clearTimeout(guard);
        if (code === 0) resolve(text);
        // Its first error says why (a client's error comes long before the summary's last lines).
        else reject(new Error(`pgbench exited with ${code}:\n${errorsFirst(text)}`));
      });
    });
    const number = (re: RegExp) => Number(output.match(re)?.[1] ?? NaN);
    // Per-transaction log lines: client_id transaction_no time_us script_no epoch epoch_us.
    const latencies = readdirSync(logDir)
      .flatMap((f) => readFileSync(path.join(logDir, f), "utf8").trim().split("\n"))
      .map((line) => Number(line.split(" ")[2]) / 1000)
      .filter((ms) => Number.isFinite(ms))
      .sort((a, b) => a - b);
    const at = (p: number) =>
      latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)] ?? NaN;
    return {
      clients,
      seconds,
      transactions: number(/number of transactions actually processed: (\d+)/),
      tps: number(/tps = ([\d.]+) \(without initial connection time\)/),
      p50: at(50),
      p99: at(99),
      failed: number(/number of failed transactions: (\d+)/) || 0,
    };
  } finally {
    rmSync(logDir, { recursive: true, force: true });
  }
}

const errorsFirst = (text: string) => {
  const lines = text.trim().split("\n");
  return [...lines.filter((l) => /error/i.test(l)).slice(0, 3), ...lines.slice(-8)].join("\n");
};
