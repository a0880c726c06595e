import { Balancer } from "./balancer";
import { phase, type Load } from "./load-phase";
import type { BurstOwner } from "./registration-seed";

export type { PhaseFigures } from "./load-phase";

const COOKIE = "authjs.session-token";

export type PreparedForm = { owner: BurstOwner; url: string; page: string; fields: [string, string][] };

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

/** How the benches find their form in a page: the register form by its idempotency key, the floor's by its mark. */
export const REGISTER_FORM = 'name="idempotencyKey"';
export const FLOOR_FORM = 'data-bench="floor"';

/**
 * The hidden fields of the form (`marker`) as the server rendered it: React's `$ACTION_…` fields
 * (which server action, with its bound arguments), and the register form's eventId and
 * idempotencyKey. What a browser without JavaScript would send back.
 */
export function hiddenFields(html: string, marker = REGISTER_FORM): [string, string][] {
  const form = html.match(/<form\b[^>]*>([\s\S]*?)<\/form>/g)?.find((f) => f.includes(marker));
  if (!form) throw new Error(`no form with ${marker} in the page`);
  const fields: [string, string][] = [];
  for (const [tag] of form.matchAll(/<input\b[^>]*>/g)) {
    const a = attributes(tag);
    if (a.type === "hidden" && a.name) fields.push([a.name, a.value ?? ""]);
  }
  if (!fields.some(([name]) => name.startsWith("$ACTION"))) throw new Error("the form carries no $ACTION field");
  return fields;
}

const headers = (owner: BurstOwner, origin: string) => ({
  cookie: `${COOKIE}=${owner.sessionToken}`,
  origin,
  accept: "text/html",
});

/** GET `page` (by default the event's register page) as each owner (owner i on instance i mod 2) and keep the form's fields. */
export async function prepareForms(
  urls: string[],
  slug: string,
  owners: BurstOwner[],
  concurrency: number,
  seconds: number,
  { page = `/events/${slug}/register`, marker = REGISTER_FORM } = {},
) {
  const forms: PreparedForm[] = [];
  const figures = await phase(
    owners.map((owner, i) => ({ owner, url: urls[i % urls.length]! })),
    { concurrency, seconds },
    async ({ owner, url }) => {
      const res = await fetch(`${url}${page}`, { headers: headers(owner, url), redirect: "manual" });
      const html = await res.text();
      if (res.status !== 200)
        return {
          status: res.status,
          failure: `GET ${page} as ${owner.id}: ${res.status} ${res.headers.get("location") ?? ""}`,
        };
      forms.push({ owner, url, page, fields: hiddenFields(html, marker) });
      return { status: res.status };
    },
  );
  return { forms, figures };
}

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

/**
 * POSTs a prepared form's `body` to its page on the instance `balancer` picks (a form works on any
 * instance of one build), as a browser does; `ok` judges the redirect's target. The answer's
 * `group` is the instance that answered.
 */
async function post(
  balancer: Balancer,
  { owner, url: home, page }: PreparedForm,
  body: FormData,
  ok: (location: string) => boolean,
) {
  const { url, answer } = await balancer.send(home, async (url) => {
    const res = await fetch(`${url}${page}`, {
      method: "POST",
      body,
      headers: headers(owner, url),
      redirect: "manual",
    });
    await res.arrayBuffer();
    return { status: res.status, location: res.headers.get("location") ?? "" };
  });
  const { status, location } = answer;
  return status === 303 && ok(location)
    ? { status, location, group: url }
    : { status, location, group: url, failure: `POST ${page} on ${url} as ${owner.id}: ${status} ${location}` };
}

const balancerFor = (forms: PreparedForm[]) => new Balancer([...new Set(forms.map((f) => f.url))]);

const registered = (location: string) => location.match(/\/registrations\/([0-9a-f-]{36})/)?.[1];

/**
 * POSTs each prepared form as multipart/form-data to its page, on the instance the balancer
 * picks, the way a browser submits a server-action form before (or without) JavaScript,
 * `concurrency` in flight; or, with `perSecond`, in an open loop (as owners arrive). Success is
 * the action's redirect: 303 to /registrations/{id}.
 */
export async function submitForms(forms: PreparedForm[], sessionId: string, load: Load) {
  const registrationIds: string[] = [];
  const balancer = balancerFor(forms);
  const figures = await phase(forms, load, async (form) => {
    const answer = await post(balancer, form, registrationBody(form, sessionId), (l) => !!registered(l));
    const id = registered(answer.location);
    if (id) registrationIds.push(id);
    return answer;
  });
  return { figures, registrationIds };
}

/** POSTs each prepared floor form (its hidden fields only); success is the action's 303 to /garage. */
export async function submitFloorForms(forms: PreparedForm[], load: Load) {
  const balancer = balancerFor(forms);
  return phase(forms, load, (form) => {
    const body = new FormData();
    for (const [name, value] of form.fields) body.append(name, value);
    return post(balancer, form, body, (l) => l.endsWith("/garage"));
  });
}
