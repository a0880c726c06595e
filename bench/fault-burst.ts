import { registrationBody, type PreparedForm } from "./registration-burst";

// The registration burst of bench/registration.ts with a client that behaves like people and a
// load balancer during a fault: a POST whose connection failed goes to the other instance (it never
// reached a server, or it did and the idempotency key makes the repeat harmless); a 503 "try
// again" is sent again a second later, as a person would press the button. Every answer is kept.

export type Attempt = { instance: number; status: number; at: number; ms: number; detail?: string };
export type FormOutcome = { form: PreparedForm; attempts: Attempt[]; registrationId?: string };

const MAX_ATTEMPTS = 20;
const RETRY_MS = 1000;
export const TRY_AGAIN_HEADING = "Ringmeet is busy for a moment";

type BurstOptions = {
  urls: string[];
  sessionId: string;
  concurrency: number;
  /** Instances known to be gone: their forms go to the other one without trying. */
  gone?: Set<number>;
  /** Called after every answer, with how many forms have their 303 by now. */
  onProgress?: (registered: number) => void;
};

async function post(url: string, { owner, page, fields }: PreparedForm, sessionId: string) {
  const body = registrationBody({ owner, fields }, sessionId);
  const headers = { cookie: `authjs.session-token=${owner.sessionToken}`, origin: url, accept: "text/html" };
  const res = await fetch(`${url}${page}`, {
    method: "POST",
    body,
    headers,
    redirect: "manual",
    signal: AbortSignal.timeout(60_000),
  });
  const text = await res.text();
  return { status: res.status, location: res.headers.get("location") ?? "", text };
}

/** Sends every form until it is answered 303 (or MAX_ATTEMPTS); `concurrency` forms in flight. */
export async function burstWithRetries(forms: PreparedForm[], options: BurstOptions): Promise<FormOutcome[]> {
  const { urls, sessionId, concurrency, gone = new Set() } = options;
  const started = performance.now();
  const outcomes: FormOutcome[] = forms.map((form) => ({ form, attempts: [] }));
  let next = 0;
  let registered = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < outcomes.length) {
        const outcome = outcomes[next++]!;
        let instance = urls.indexOf(outcome.form.url);
        while (!outcome.registrationId && outcome.attempts.length < MAX_ATTEMPTS) {
          if (gone.has(instance)) instance = (instance + 1) % urls.length;
          const t0 = performance.now();
          const attempt: Attempt = { instance, status: 0, at: t0 - started, ms: 0 };
          try {
            const res = await post(urls[instance]!, outcome.form, sessionId);
            attempt.status = res.status;
            outcome.registrationId =
              res.status === 303 ? res.location.match(/\/registrations\/([0-9a-f-]{36})/)?.[1] : undefined;
            if (res.status === 503)
              attempt.detail = res.text.includes(TRY_AGAIN_HEADING)
                ? "try-again page"
                : "503 without the try-again page";
            else if (!outcome.registrationId)
              attempt.detail = `${res.status} ${res.location ? `to ${res.location.split("?")[0]}` : res.text.slice(0, 60).replace(/\s+/g, " ")}`;
          } catch (error) {
            const cause = (error as { cause?: { code?: string } }).cause;
            attempt.detail = cause?.code ?? (error instanceof Error ? error.message : String(error));
            // The connection failed: the balancer tries the other instance.
            instance = (instance + 1) % urls.length;
          }
          attempt.ms = performance.now() - t0;
          outcome.attempts.push(attempt);
          if (outcome.registrationId) options.onProgress?.(++registered);
          else if (attempt.status !== 0) await new Promise((r) => setTimeout(r, RETRY_MS));
        }
      }
    }),
  );
  return outcomes;
}

/** Answers by kind, over every attempt: "303", "503 try-again page", "ECONNREFUSED" … */
export function answerCounts(outcomes: FormOutcome[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const a of outcomes.flatMap((o) => o.attempts)) {
    const key =
      a.status === 0
        ? `no answer (${a.detail})`
        : a.status === 503
          ? `503 ${a.detail}`
          : (a.detail ?? String(a.status));
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}
