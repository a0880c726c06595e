// Polls GET /api/health on every instance during a fault run and keeps each change of answer.

export type HealthChange = { instance: number; at: number; state: string };
export type HealthLog = HealthChange[];

const POLL_MS = 200;

async function probe(url: string): Promise<string> {
  try {
    const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(3000) });
    const body = (await res.json()) as { db?: string; worker?: string };
    return res.status === 200 ? "200" : `${res.status} db ${body.db}, worker ${body.worker}`;
  } catch (error) {
    const code = (error as { cause?: { code?: string } }).cause?.code;
    return code === "ECONNREFUSED" ? "gone" : `no answer (${code ?? (error as Error).name})`;
  }
}

export function watchHealth(urls: string[]) {
  const log: HealthLog = [];
  const last = urls.map(() => "");
  let t0 = performance.now();
  let stopped = false;
  const poll = (async () => {
    while (!stopped) {
      const states = await Promise.all(urls.map(probe));
      states.forEach((state, instance) => {
        if (state !== last[instance]) log.push({ instance, at: (performance.now() - t0) / 1000, state });
        last[instance] = state;
      });
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  })();
  return {
    log,
    /** Times count from here on (the start of the burst). */
    mark(_label: string) {
      t0 = performance.now();
      log.length = 0;
      last.fill("");
    },
    /** Waits (at most `ms`) until every instance still running answers 200. */
    async settle(ms: number) {
      for (const until = Date.now() + ms; Date.now() < until; await new Promise((r) => setTimeout(r, POLL_MS))) {
        if (last.every((s) => s === "200" || s === "gone")) return;
      }
    },
    summary() {
      return urls
        .map(
          (_, i) =>
            `instance ${i + 1}: ${log
              .filter((c) => c.instance === i)
              .map((c) => `${c.state} (${c.at.toFixed(1)} s)`)
              .join(" → ")}`,
        )
        .join("; ");
    },
    stop() {
      stopped = true;
      return poll;
    },
  };
}
