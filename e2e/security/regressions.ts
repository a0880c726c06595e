import { KEEP, type ActionInput } from "./action-inputs";
import { KEEP as KEPT, type RouteInput } from "./fuzz-routes";

// Inputs the fuzzer once failed on (shrunk), replayed on every run: a random run of 150 inputs
// would not meet most of them again. Each was a 5xx, a crash or an unusable answer before its fix.

const call = (over: Partial<ActionInput>): ActionInput => ({
  actor: "organiser",
  via: "fetch",
  replay: false,
  bound: [KEEP, KEEP, KEEP],
  prev: KEEP,
  form: { kind: "mutated", set: [], drop: [] },
  cut: 0,
  extra: [],
  envelope: KEEP,
  ...over,
});
const get = (over: Partial<RouteInput>): RouteInput => ({
  actor: "organiser",
  method: "GET",
  params: [KEPT, KEPT],
  encode: false,
  query: [],
  body: null,
  ...over,
});

export const actionRegressions: { action: string; why: string; input: ActionInput }[] = [
  {
    action: "app/organise/actions.ts#inviteAction",
    why: "called without its form: a TypeError",
    input: call({ actor: "admin", cut: 1 }),
  },
  {
    action: "app/actions.ts#setLocaleAction",
    why: "a string where the form belongs: a TypeError",
    input: call({ actor: "anonymous", form: { kind: "wrong", value: "de" } }),
  },
  {
    action: "app/garage/actions.ts#saveCarAction",
    why: "a NUL in a text field: a Postgres error",
    input: call({ actor: "owner", form: { kind: "mutated", set: [["nickname", "a\u0000b"]], drop: [] } }),
  },
  {
    action: "app/organise/events/actions.ts#saveEventAction",
    why: "a moment that is not one: a TypeError in the cross-field checks",
    input: call({ form: { kind: "mutated", set: [["registrationOpensAt", "soon"]], drop: [] } }),
  },
  {
    action: "app/organise/events/actions.ts#saveEventAction",
    why: "a day that does not exist: a Postgres error",
    input: call({ form: { kind: "mutated", set: [["endsOn", "7016-79-65"]], drop: [] } }),
  },
  {
    action: "app/organise/events/[slug]/broadcast/actions.ts#broadcastAction",
    why: "a forged sessionId beside another audience: a uuid column refused it",
    input: call({ form: { kind: "mutated", set: [["sessionId", "uWIV]s"]], drop: [] } }),
  },
  {
    action: "app/garage/actions.ts#saveCarAction",
    why: "a no-JS form whose bound arguments are not JSON: a 500 from Next's action decoder",
    input: call({ actor: "owner", via: "no-js form", envelope: { args: "nojson" } }),
  },
  {
    action: "app/signin/actions.ts#requestSignInLinkAction",
    why: "a no-JS form's state referring to a Map it does not hold: a 500 from Next's action decoder",
    input: call({ actor: "anonymous", via: "no-js form", envelope: { args: '["$Q5"]' } }),
  },
  {
    action: "app/garage/actions.ts#deleteCarAction",
    why: "a field named with a NUL: Next's multipart parser refused the part header and the action threw",
    input: call({ actor: "anonymous", form: { kind: "fresh", fields: [["a\u0000b", ""]] } }),
  },
  {
    action: "app/organise/events/[slug]/plaques/actions.ts#changePlaqueAction",
    why: "10 kB typed into the plaque came back in a 30 kB redirect",
    input: call({ via: "no-js form", form: { kind: "mutated", set: [["plaque", "{".repeat(10_000)]], drop: [] } }),
  },
  {
    action: "app/garage/actions.ts#saveCarAction",
    why: 'a 10 kB way back: Next answered "{}" for the redirect',
    input: call({
      actor: "owner",
      form: { kind: "mutated", set: [["returnTo", `/garage?${"a".repeat(10_000)}`]], drop: [] },
    }),
  },
  {
    action: "app/organise/events/[slug]/roster/actions.ts#bulkAction",
    why: "a roster address of 10 kB as the way back",
    input: call({
      form: {
        kind: "mutated",
        set: [["returnTo", `/organise/events/«eventSlug»/roster?q=${"é".repeat(5_000)}`]],
        drop: [],
      },
    }),
  },
];

export const routeRegressions: { route: string; why: string; input: RouteInput }[] = [
  {
    route: "/api/events/[slug]/counts",
    why: "a NUL in the slug: a Postgres error",
    input: get({ actor: "anonymous", params: ["\u0000"], encode: true }),
  },
  {
    route: "/serwist/[path]",
    why: "a path that does not decode: a 500 from Next's router",
    input: get({ actor: "anonymous", params: ["abc%E0%A4"] }),
  },
  {
    route: "/organise/events/[slug]/roster/data",
    why: "a slug that does not decode",
    input: get({ actor: "gate", params: ["x%FF"] }),
  },
  {
    route: "/organise/events/[slug]/roster/data",
    why: "a NUL in the search: a Postgres error",
    input: get({ actor: "gate", query: [["q", "\u0000"]] }),
  },
  {
    route: "/api/dev/mail",
    why: "a NUL in ?to=: a Postgres error",
    input: get({ actor: "anonymous", params: [], query: [["to", "\u0000"]] }),
  },
  {
    route: "/events/[slug]/calendar.ics",
    why: "a 300-character slug became a cache tag Next refuses",
    input: get({ actor: "anonymous", params: ["a".repeat(300)] }),
  },
  {
    // The URL is cut at 8,000 characters, so this POST reaches the grid page: an empty multipart body.
    route: "/organise/events/[slug]/grid/[sessionId]/grid.pdf",
    why: "a page POSTed a multipart body that does not parse: a 500 from Next's action decoder",
    input: get({
      actor: "gate",
      method: "POST",
      params: [KEPT, "a".repeat(10240)],
      encode: true,
      body: { type: "multipart/form-data", data: "" },
    }),
  },
  {
    // The URL is cut at 8,000 characters, so this POST reaches no route: Next's not-found page under /api/.
    route: "/api/events/[slug]/counts",
    why: "a multipart POST under /api/ that no route takes, its body unparsable: a 500 from Next's action decoder",
    input: get({
      actor: "anonymous",
      method: "POST",
      params: ["\u0000".repeat(2700)],
      encode: true,
      body: { type: "multipart/form-data", data: "x" },
    }),
  },
  {
    route: "/api/events/[slug]/counts",
    why: "a slug that does not decode under /api/, where the proxy did not run: a 500 from Next's router",
    input: get({ actor: "anonymous", params: ["%zz"] }),
  },
  {
    route: "/organise/events/[slug]/roster.csv",
    why: "a long query echoed into the sign-in redirect (5,079 characters)",
    input: get({ actor: "anonymous", params: [KEPT], query: [["", "\u0001".repeat(1000)]] }),
  },
];
