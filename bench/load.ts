import autocannon, { type Result } from "autocannon";

export type LoadFigures = {
  label: string;
  url: string;
  bytes: number;
  reqPerSec: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
};

/** One bounded load run against a loopback URL: a short warm-up (JIT, caches) first, then the measured run. */
export async function measure(
  label: string,
  url: string,
  options: { connections: number; seconds: number },
): Promise<LoadFigures> {
  if (!/^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(url))
    throw new Error(`Benches only load loopback addresses, not ${url}`);
  const bytes = (await (await fetch(url)).arrayBuffer()).byteLength;
  await autocannon({ url, connections: options.connections, duration: 2 });
  const result: Result = await autocannon({
    url,
    connections: options.connections,
    duration: options.seconds,
    timeout: 20,
  });
  return {
    label,
    url,
    bytes,
    reqPerSec: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

export function printTable(rows: LoadFigures[]): void {
  console.log(
    `\n${"".padEnd(28)}${"bytes".padStart(9)}${"req/s".padStart(9)}${"p50 ms".padStart(9)}${"p99 ms".padStart(9)}${"errors".padStart(8)}`,
  );
  for (const r of rows) {
    console.log(
      `${r.label.padEnd(28)}${String(r.bytes).padStart(9)}${r.reqPerSec.toFixed(0).padStart(9)}${String(r.p50).padStart(9)}${String(r.p99).padStart(9)}${String(r.errors + r.non2xx).padStart(8)}`,
    );
  }
}
