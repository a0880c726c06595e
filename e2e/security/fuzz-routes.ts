import fc from "fast-check";
import { syncSchema } from "../../lib/schemas/check-in";
import { rosterQuerySchema } from "../../lib/roster/query";
import { ACTORS, type Actor } from "./actors";
import { fieldValue, jsonSchemaOf, valueOf, type JsonSchema } from "./arbitraries";
import { hostileString } from "./hostile";
import { request, type Answer } from "./http";
import { REFS, resolve } from "./refs";
import { tokenOf, type Scene } from "./scene";

// Route handlers under fuzz: each path parameter a real id, a made-up one or something hostile;
// query strings and bodies from the app's schemas and worse; methods they do and do not answer.

export type RouteTarget = {
  route: string;
  /** The path with each [param] filled by a «ref» when the input keeps it. */
  path: string;
  methods: string[];
  query?: Record<string, JsonSchema>;
  /** A JSON body the route reads (POST). */
  body?: JsonSchema;
  /** Values for a catch-all segment, or for a parameter without a kept value. */
  segments?: string[];
  /** Kept values of this route's parameters where they differ from KEPT's. */
  kept?: Record<string, string>;
};

export const routeTargets: RouteTarget[] = [
  { route: "/account/data.json", path: "/account/data.json", methods: ["GET", "POST"] },
  {
    route: "/api/auth/[...nextauth]",
    path: "/api/auth/[...nextauth]",
    methods: ["GET", "POST"],
    segments: [
      "session",
      "csrf",
      "providers",
      "signin",
      "signin/nodemailer",
      "callback/nodemailer",
      "signout",
      "error",
      "verify-request",
      "webauthn-options/passkey",
      "callback/passkey",
    ],
    query: {
      token: { type: "string" },
      email: { type: "string", format: "email" },
      callbackUrl: { type: "string" },
      action: { type: "string", enum: ["authenticate", "register"] },
    },
  },
  {
    route: "/api/dev/mail",
    path: "/api/dev/mail",
    methods: ["GET"],
    query: { to: { type: "string", format: "email" } },
  },
  { route: "/api/events/[slug]/counts", path: "/api/events/[slug]/counts", methods: ["GET"] },
  { route: "/api/health", path: "/api/health", methods: ["GET", "POST"] },
  { route: "/api/me", path: "/api/me", methods: ["GET"] },
  { route: "/api/stripe/webhook", path: "/api/stripe/webhook", methods: ["GET", "POST"] },
  {
    route: "/events/[slug]/draw/[runId]/[file]",
    path: "/events/[slug]/draw/[runId]/[file]",
    methods: ["GET"],
    segments: ["input.json", "result.json"],
    kept: { "[slug]": "«drawnSlug»", "[runId]": "«drawRun»" },
  },
  { route: "/events/[slug]/calendar.ics", path: "/events/[slug]/calendar.ics", methods: ["GET"] },
  { route: "/icon.svg", path: "/icon.svg", methods: ["GET"] },
  { route: "/manifest.webmanifest", path: "/manifest.webmanifest", methods: ["GET"] },
  {
    route: "/organise/events/[slug]/check-in/data",
    path: "/organise/events/[slug]/check-in/data",
    methods: ["GET", "POST"],
    query: { since: { type: "string", format: "date-time" } },
    body: jsonSchemaOf(syncSchema),
  },
  {
    route: "/organise/events/[slug]/grid/[sessionId]/grid.csv",
    path: "/organise/events/[slug]/grid/[sessionId]/grid.csv",
    methods: ["GET"],
  },
  {
    route: "/organise/events/[slug]/grid/[sessionId]/grid.pdf",
    path: "/organise/events/[slug]/grid/[sessionId]/grid.pdf",
    methods: ["GET"],
  },
  {
    route: "/organise/events/[slug]/roster.csv",
    path: "/organise/events/[slug]/roster.csv",
    methods: ["GET"],
    query: { session: { type: "string", format: "uuid" } },
  },
  {
    route: "/organise/events/[slug]/roster/data",
    path: "/organise/events/[slug]/roster/data",
    methods: ["GET"],
    query: jsonSchemaOf(rosterQuerySchema).properties,
  },
  { route: "/registrations/[id]/calendar.ics", path: "/registrations/[id]/calendar.ics", methods: ["GET"] },
  { route: "/registrations/[id]/waiver.pdf", path: "/registrations/[id]/waiver.pdf", methods: ["GET"] },
  { route: "/registrations/[id]/receipt.pdf", path: "/registrations/[id]/receipt.pdf", methods: ["GET"] },
  {
    route: "/organise/events/[slug]/payments.csv",
    path: "/organise/events/[slug]/payments.csv",
    methods: ["GET"],
  },
  { route: "/organise/events/[slug]/refunds.xml", path: "/organise/events/[slug]/refunds.xml", methods: ["GET"] },
  { route: "/serwist/[path]", path: "/serwist/[path]", methods: ["GET"], segments: ["sw.js", "sw.js.map"] },
];

/** What a kept parameter is in the scene: the event's slug, its first session, the owner's registration. */
const KEPT: Record<string, string> = { "[slug]": "«eventSlug»", "[sessionId]": "«session0»", "[id]": "«registration»" };
export const KEEP = "(the scene's own)";

export type RouteInput = {
  actor: Actor;
  method: string;
  params: string[];
  encode: boolean;
  query: [string, string][];
  body: { type: string; data: string } | null;
};

const params = (t: RouteTarget) => t.path.match(/\[[^\]]+\]/g) ?? [];

const keptOf = (t: RouteTarget): Record<string, string> => ({ ...KEPT, ...t.kept });

export function routeInput(t: RouteTarget, who: readonly Actor[]): fc.Arbitrary<RouteInput> {
  const param = (name: string) =>
    fc.oneof(
      {
        weight: 5,
        arbitrary:
          name.startsWith("[...") || !keptOf(t)[name] ? fc.constantFrom(...(t.segments ?? [KEEP])) : fc.constant(KEEP),
      },
      { weight: 1, arbitrary: fc.constantFrom(...REFS) },
      { weight: 2, arbitrary: hostileString },
    );
  const query = Object.entries(t.query ?? {});
  const queryArb = fc.array(
    fc.oneof(
      ...(query.length
        ? [fc.constantFrom(...query).chain(([k, s]) => fieldValue(s, REFS).map((v): [string, string] => [k, v]))]
        : []),
      fc.tuple(hostileString, hostileString),
    ),
    { maxLength: 3 },
  );
  const json = t.body ? valueOf(t.body).map((v) => JSON.stringify(v)) : fc.constant("{}");
  const body = fc.oneof(
    { weight: 4, arbitrary: fc.record({ type: fc.constant("application/json"), data: json }) },
    {
      weight: 1,
      arbitrary: fc.record({
        type: fc.constantFrom(
          "application/json",
          "text/plain",
          "application/x-www-form-urlencoded",
          "multipart/form-data",
        ),
        data: fc.oneof(
          hostileString,
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
      }),
    },
  );
  return fc.record({
    actor: fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...(who.length ? who : ACTORS)) },
      { weight: 1, arbitrary: fc.constantFrom(...ACTORS) },
    ),
    method: fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(...t.methods) },
      { weight: 1, arbitrary: fc.constantFrom("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD") },
    ),
    params: fc.tuple(...params(t).map(param)),
    encode: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    query: queryArb,
    body: fc.option(body, { freq: 2 }),
  });
}

/**
 * Percent-encoded whole, or only what would break the URL (so "..", "%00" and "%2f" arrive as
 * typed, and "%zz" as a segment that does not decode, which the proxy answers 400).
 */
function encodeSegment(value: string, whole: boolean): string {
  const v = value.toWellFormed();
  if (whole) return encodeURIComponent(v);
  return v.replace(/[^\w\-.~%!$&'()*+,;=:@/]/gu, (c) => encodeURIComponent(c));
}

/** At most `max` characters, not ending inside an escape. */
const capped = (url: string, max: number): string => url.slice(0, max).replace(/%[0-9a-f]?$/i, "");

export function sendRoute(t: RouteTarget, input: RouteInput, s: Scene): Promise<Answer> {
  let path = t.path;
  for (const [i, name] of params(t).entries()) {
    const value = input.params[i] === KEEP ? keptOf(t)[name]! : input.params[i]!;
    path = path.replace(
      name,
      encodeSegment(resolve(value, s), input.encode || value.startsWith("«")).replaceAll(
        "%2F",
        name.startsWith("[...") ? "/" : "%2F",
      ),
    );
  }
  const query = new URLSearchParams(
    input.query.map(([k, v]) => [resolve(k, s).toWellFormed(), resolve(v, s).toWellFormed()]),
  );
  // At most 8,000 characters: longer URLs are refused by Node's HTTP server (431) or its client, not the app.
  const url = capped(`${path}${query.size ? `?${query}` : ""}`, 8000);
  const withBody = input.body && !["GET", "HEAD"].includes(input.method);
  return request(url, tokenOf(s, input.actor), {
    method: input.method,
    body: withBody ? resolve(input.body!.data, s).toWellFormed() : undefined,
    headers: withBody ? { "Content-Type": input.body!.type } : {},
  });
}
