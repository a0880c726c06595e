import { createRequire } from "node:module";

// Requests to the running app the way a browser (or a forger) sends them: pages and route handlers
// by plain HTTP, server actions as React's client calls them (`Next-Action` + encodeReply) or as a
// form without JavaScript posts them.

const baseURL = () => {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error("E2E_BASE_URL is not set: run with `npm test -- e2e` or `npm run fuzz`.");
  return url;
};
const sessionCookie = () => (baseURL().startsWith("https:") ? "__Secure-authjs.session-token" : "authjs.session-token");

const require = createRequire(import.meta.url);
// React's own encoder for server action arguments (what the browser's callServer sends).
const { encodeReply } = require("next/dist/compiled/react-server-dom-turbopack/client.edge.js") as {
  encodeReply: (value: unknown[]) => Promise<string | FormData>;
};

export type Answer = {
  url: string;
  status: number;
  location: string | null;
  contentType: string;
  setCookie: string[];
  body: string;
  ms: number;
};

// The test app trusts one proxy (TRUST_PROXY=1): each request comes from an address of its own, so
// the thousands of requests here never use up the per-address limits other tests' browsers share.
const someAddress = () => `10.${Array.from({ length: 3 }, () => Math.floor(Math.random() * 256)).join(".")}`;

function headersFor(
  token: string | null,
  extra: Record<string, string> = {},
  base = baseURL(),
): Record<string, string> {
  return {
    Origin: base,
    "X-Forwarded-For": someAddress(),
    ...(token ? { Cookie: `${sessionCookie()}=${token}` } : {}),
    ...extra,
  };
}

async function send(
  path: string,
  init: RequestInit & { headers: Record<string, string> },
  base = baseURL(),
): Promise<Answer> {
  const started = performance.now();
  const res = await fetch(new URL(path, base), { ...init, redirect: "manual" }).catch((error: Error) => {
    // Headers over Node's 16 KB (a huge redirect): an answer no browser's next request survives.
    if ((error.cause as { code?: string } | undefined)?.code === "UND_ERR_HEADERS_OVERFLOW") return null;
    throw new Error(
      `${init.method} ${path.slice(0, 200)}: ${error.message} (${error.cause instanceof Error ? error.cause.message : String(error.cause)})`,
    );
  });
  if (!res)
    return {
      url: path,
      status: 0,
      location: null,
      contentType: "",
      setCookie: [],
      body: "(response headers over 16 KB)",
      ms: performance.now() - started,
    };
  const body = await res.text();
  // An action's redirect comes back as a header (its RSC answer is the new page); a page's as Location.
  const location = res.headers.get("x-action-redirect")?.replace(/;(push|replace)$/, "") ?? res.headers.get("location");
  return {
    url: path,
    status: res.status,
    location,
    contentType: res.headers.get("content-type") ?? "",
    setCookie: res.headers.getSetCookie(),
    body,
    ms: performance.now() - started,
  };
}

/** GET (or another method) on a page or route handler, signed in with `token` or not. */
export function request(
  path: string,
  token: string | null,
  init: { method?: string; body?: BodyInit; headers?: Record<string, string> } = {},
): Promise<Answer> {
  return send(path, { method: init.method ?? "GET", body: init.body, headers: headersFor(token, init.headers) });
}

/**
 * A server action called like the browser's `callServer`: `args` are the bound arguments followed
 * by the call's own. `base`: another instance of the app (E2E_SECOND_URL) than the browser's.
 */
export async function callAction(
  id: string,
  args: unknown[],
  token: string | null,
  page = "/",
  base = baseURL(),
): Promise<Answer> {
  const body = await encodeReply(args);
  const type: Record<string, string> = typeof body === "string" ? { "Content-Type": "text/plain;charset=UTF-8" } : {};
  return send(
    page,
    {
      method: "POST",
      body,
      headers: headersFor(token, { "Next-Action": id, Accept: "text/x-component", ...type }, base),
    },
    base,
  );
}

/** A bound action's envelope written by hand: its first field (id and reference), its arguments' field. */
export type Envelope = { meta?: string; args?: string };

/**
 * The same action posted by a `<form>` before JavaScript loaded (progressive enhancement): the
 * bound arguments go in hidden fields, encoded by React's reply encoder as the server-rendered page
 * writes them, or, `forged`, the envelope's fields written by hand (proxy.ts answers 400 to one
 * React's decoder cannot read).
 */
export async function postForm(
  id: string,
  bound: unknown[],
  fields: [string, string | Blob][],
  token: string | null,
  page = "/",
  forged?: Envelope,
): Promise<Answer> {
  const form = new FormData();
  if (bound.length === 0 && !forged) form.set(`$ACTION_ID_${id}`, "");
  else {
    form.set("$ACTION_REF_1", "");
    form.set("$ACTION_1:0", forged?.meta ?? JSON.stringify({ id, bound: "$@1" }));
    const encoded = forged?.args ?? (await encodeReply(bound));
    if (typeof encoded === "string") form.set("$ACTION_1:1", encoded);
    else for (const [k, v] of encoded.entries()) form.append(`$ACTION_1:${k}`, v);
  }
  for (const [name, value] of fields) form.append(name, value);
  return send(page, { method: "POST", body: form, headers: headersFor(token) });
}

/** A FormData from field pairs (repeated names are repeated fields, as a form sends them). */
export function formData(fields: [string, string | Blob][]): FormData {
  const form = new FormData();
  for (const [name, value] of fields) form.append(name, value);
  return form;
}

function resultRow(answer: Answer): string | undefined {
  if (!answer.contentType.includes("text/x-component")) return undefined;
  const rows = new Map(
    answer.body.split("\n").map((line) => [line.slice(0, line.indexOf(":")), line.slice(line.indexOf(":") + 1)]),
  );
  try {
    const root = JSON.parse(rows.get("0") ?? "null") as { a?: unknown } | null;
    const ref = typeof root?.a === "string" && root.a.startsWith("$@") ? root.a.slice(2) : null;
    return ref ? rows.get(ref) : undefined;
  } catch {
    return undefined;
  }
}

/** The value an action returned (its row in the RSC answer), or undefined when it returned nothing readable. */
export function actionResult(answer: Answer): unknown {
  const row = resultRow(answer);
  if (!row || row.startsWith("E")) return undefined;
  try {
    return JSON.parse(row);
  } catch {
    return undefined;
  }
}

/**
 * What the action threw, when its answer carries an error row instead of a value: `notFound()`
 * arrives as a 200 whose row is `E{"digest":"NEXT_HTTP_ERROR_FALLBACK;404"}` (the browser then shows
 * the not-found page); any other digest is a crash the browser shows as the error page.
 */
export function actionError(answer: Answer): string | undefined {
  const row = resultRow(answer);
  if (!row?.startsWith("E")) return undefined;
  try {
    return String((JSON.parse(row.slice(1)) as { digest?: unknown }).digest ?? "error");
  } catch {
    return "error";
  }
}

export const isNotFound = (answer: Answer) =>
  answer.status === 404 || actionError(answer) === "NEXT_HTTP_ERROR_FALLBACK;404";

export const isSignInRedirect = (answer: Answer) =>
  !!answer.location && /^(https?:\/\/[^/]+)?\/signin\?callbackUrl=/.test(answer.location);
