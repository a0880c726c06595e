import type { BurstOwner } from "./registration-seed";

const COOKIE = "authjs.session-token";

export type PreparedForm = { owner: BurstOwner; url: string; page: string; fields: [string, string][] };
export type PhaseFigures = {
  offered: number;
  requests: number;
  seconds: number;
  reqPerSec: number;
  p50: number;
  p99: number;
  statuses: Map<number, number>;
  failures: string[];
};

const ENTITIES: Record<string, string> = { amp: "&", quot: '"', lt: "<", gt: ">", apos: "'", "#39": "'", "#x27": "'" };
const unescape = (s: string) =>
  s.replace(
    /&(#x?[0-9a-f]+|amp|quot|lt|gt|apos);/gi,
    (m, e: string) =>
      ENTITIES[e.toLowerCase()] ??
      (e.startsWith("#x")
        ? String.fromCodePoint(parseInt(e.slice(2), 16))
        : e.startsWith("#")
          ? String.fromCodePoint(Number(e.slice(1)))
          : m),
  );

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [, name, value] of tag.matchAll(/([^\s=/>]+)="([^"]*)"/g)) out[name!] = unescape(value!);
  return out;
}

/**
 * The hidden fields of the register form as the server rendered it: React's `$ACTION_…` fields
 * (which server action, with its bound arguments) plus eventId and idempotencyKey. What a browser
 * without JavaScript would send back.
 */
export function hiddenFields(html: string): [string, string][] {
  const form = html.match(/<form\b[^>]*>([\s\S]*?)<\/form>/g)?.find((f) => f.includes('name="idempotencyKey"'));
  if (!form) throw new Error("no register form in the page");
  const fields: [string, string][] = [];
  for (const [tag] of form.matchAll(/<input\b[^>]*>/g)) {
    const a = attributes(tag);
    if (a.type === "hidden" && a.name) fields.push([a.name, a.value ?? ""]);
  }
  if (!fields.some(([name]) => name.startsWith("$ACTION")))
    throw new Error("the register form carries no $ACTION field");
  return fields;
}

const headers = (owner: BurstOwner, origin: string) => ({
  cookie: `${COOKIE}=${owner.sessionToken}`,
  origin,
  accept: "text/html",
});

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : NaN;
}

/**
 * Runs `work` over `items` with `concurrency` in flight; times each call and the whole phase. After
 * `seconds` no new item starts (those in flight finish), so a slow machine cannot stretch a phase.
 */
async function phase<T>(
  items: T[],
  concurrency: number,
  seconds: number,
  work: (item: T) => Promise<{ status: number; failure?: string }>,
): Promise<PhaseFigures> {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const failures: string[] = [];
  let next = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length && performance.now() < deadline) {
        const item = items[next++]!;
        const t0 = performance.now();
        let outcome: { status: number; failure?: string };
        try {
          outcome = await work(item);
        } catch (error) {
          outcome = { status: 0, failure: error instanceof Error ? error.message : String(error) };
        }
        latencies.push(performance.now() - t0);
        statuses.set(outcome.status, (statuses.get(outcome.status) ?? 0) + 1);
        if (outcome.failure && failures.length < 5) failures.push(outcome.failure);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    offered: items.length,
    requests: latencies.length,
    seconds: elapsed,
    reqPerSec: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    statuses,
    failures,
  };
}

/** GET /events/{slug}/register as each owner (owner i on instance i mod 2) and keep the form's fields. */
export async function prepareForms(
  urls: string[],
  slug: string,
  owners: BurstOwner[],
  concurrency: number,
  seconds: number,
) {
  const forms: PreparedForm[] = [];
  const figures = await phase(
    owners.map((owner, i) => ({ owner, url: urls[i % urls.length]! })),
    concurrency,
    seconds,
    async ({ owner, url }) => {
      const page = `/events/${slug}/register`;
      const res = await fetch(`${url}${page}`, { headers: headers(owner, url), redirect: "manual" });
      const html = await res.text();
      if (res.status !== 200)
        return {
          status: res.status,
          failure: `GET register as ${owner.id}: ${res.status} ${res.headers.get("location") ?? ""}`,
        };
      forms.push({ owner, url, page, fields: hiddenFields(html) });
      return { status: res.status };
    },
  );
  return { forms, figures };
}

/**
 * POSTs each prepared form as multipart/form-data to the page it came from, the way a browser
 * submits a server-action form before (or without) JavaScript. Success is the action's redirect:
 * 303 to /registrations/{id}.
 */
/** The register form as a browser without JavaScript posts it: its hidden fields, one car, one session, rules accepted. */
export function registrationBody(
  { owner, fields }: Pick<PreparedForm, "owner" | "fields">,
  sessionId: string,
): FormData {
  const body = new FormData();
  for (const [name, value] of fields) body.append(name, value);
  body.append("carId", owner.carId);
  body.append("sessionIds", sessionId);
  body.append("secondDriverName", "");
  body.append("secondDriverEmail", "");
  body.append("acceptRules", "on");
  return body;
}

export async function submitForms(forms: PreparedForm[], sessionId: string, concurrency: number, seconds: number) {
  const registrationIds: string[] = [];
  const figures = await phase(forms, concurrency, seconds, async ({ owner, url, page, fields }) => {
    const body = registrationBody({ owner, fields }, sessionId);
    const res = await fetch(`${url}${page}`, {
      method: "POST",
      body,
      headers: headers(owner, url),
      redirect: "manual",
    });
    await res.arrayBuffer();
    const id = res.headers.get("location")?.match(/\/registrations\/([0-9a-f-]{36})/)?.[1];
    if (id) registrationIds.push(id);
    return id
      ? { status: res.status }
      : { status: res.status, failure: `POST as ${owner.id}: ${res.status} ${res.headers.get("location") ?? ""}` };
  });
  return { figures, registrationIds };
}
