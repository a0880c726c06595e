import { clubStaff, everyone, only, organisers, signedIn, type Cells } from "./expect";
import type { Scene } from "./scene";

// Rows of the authorisation matrix for pages and route handlers: the path (filled from a scene)
// and what each actor gets. The spec checks each cell against the running build, and
// docs/SECURITY.md prints this table (npm run security:table).

export type PageRow = { route: string; path: (s: Scene) => string; expect: Cells; note?: string };
export type RouteRow = PageRow & { method?: "GET" | "POST"; body?: (s: Scene) => { type: string; data: string } };

const e = (s: Scene) => `/organise/events/${s.event.slug}`;
const grid = (s: Scene) => `${e(s)}/grid/${s.event.sessions[0]}`;

export const pageRows: PageRow[] = [
  { route: "/", path: () => "/", expect: everyone() },
  { route: "/account", path: () => "/account", expect: only(signedIn) },
  {
    route: "/bench/floor-action",
    path: () => "/bench/floor-action",
    expect: only([], "404", "404"),
    note: "the benches' floor: off unless RINGMEET_BENCH_FLOOR=1, as in production",
  },
  {
    route: "/dev/mail",
    path: () => "/dev/mail",
    expect: everyone(),
    note: "development mailbox: on in tests and the demo, 404 in production",
  },
  { route: "/events", path: () => "/events", expect: everyone() },
  {
    route: "/events/[slug]",
    path: (s) => `/events/${s.event.slug}`,
    expect: everyone(),
    note: "the cached public page in English",
  },
  { route: "/events/[slug]/draw", path: (s) => `/events/${s.closedLottery.slug}/draw`, expect: everyone() },
  {
    route: "/events/[slug]/in/[locale]",
    path: (s) => `/events/${s.event.slug}/in/de`,
    expect: everyone(),
    note: "the cached public page in German",
  },
  {
    route: "/events/[slug]/per-request",
    path: (s) => `/events/${s.event.slug}/per-request`,
    expect: everyone(),
    note: "the page per request: proxy.ts rewrites a POST to /events/{slug} here",
  },
  { route: "/events/[slug]/register", path: (s) => `/events/${s.event.slug}/register`, expect: only(signedIn) },
  { route: "/garage", path: () => "/garage", expect: only(signedIn) },
  { route: "/garage/[id]/edit", path: (s) => `/garage/${s.car}/edit`, expect: only(["owner"]) },
  { route: "/garage/new", path: () => "/garage/new", expect: only(signedIn) },
  {
    route: "/invitations/[token]",
    path: (s) => `/invitations/${s.invitationToken}`,
    expect: only(signedIn),
    note: "only the invited address can accept",
  },
  { route: "/organise", path: () => "/organise", expect: only(signedIn) },
  { route: "/organise/clubs/[slug]", path: (s) => `/organise/clubs/${s.club.slug}`, expect: only(clubStaff) },
  { route: "/organise/clubs/new", path: () => "/organise/clubs/new", expect: only(signedIn) },
  { route: "/organise/events/[slug]/broadcast", path: (s) => `${e(s)}/broadcast`, expect: only(organisers) },
  { route: "/organise/events/[slug]/check-in", path: (s) => `${e(s)}/check-in`, expect: only(clubStaff) },
  { route: "/organise/events/[slug]/mail", path: (s) => `${e(s)}/mail`, expect: only(organisers) },
  { route: "/organise/events/[slug]/checklist", path: (s) => `${e(s)}/checklist`, expect: only(organisers) },
  { route: "/organise/events/[slug]/fees", path: (s) => `${e(s)}/fees`, expect: only(organisers) },
  { route: "/organise/events/[slug]/paperwork", path: (s) => `${e(s)}/paperwork`, expect: only(organisers) },
  { route: "/organise/events/[slug]/payments", path: (s) => `${e(s)}/payments`, expect: only(organisers) },
  {
    route: "/organise/events/[slug]/draw",
    path: (s) => `/organise/events/${s.closedLottery.slug}/draw`,
    expect: only(organisers),
  },
  { route: "/organise/events/[slug]/edit", path: (s) => `${e(s)}/edit`, expect: only(organisers) },
  { route: "/organise/events/[slug]/grid/[sessionId]", path: grid, expect: only(clubStaff) },
  { route: "/organise/events/[slug]/grid/[sessionId]/print", path: (s) => `${grid(s)}/print`, expect: only(clubStaff) },
  { route: "/organise/events/[slug]/plaques", path: (s) => `${e(s)}/plaques`, expect: only(organisers) },
  { route: "/organise/events/[slug]/roster", path: (s) => `${e(s)}/roster`, expect: only(clubStaff) },
  {
    route: "/organise/events/[slug]/roster/[registrationId]",
    path: (s) => `${e(s)}/roster/${s.registration}`,
    expect: only(clubStaff),
  },
  {
    route: "/organise/events/new",
    path: () => "/organise/events/new",
    expect: only(["otherOrganiser", "organiser", "admin"]),
    note: "for staff who may create events in a club of theirs",
  },
  { route: "/registrations", path: () => "/registrations", expect: only(signedIn) },
  { route: "/registrations/[id]", path: (s) => `/registrations/${s.registration}`, expect: only(["owner"]) },
  {
    route: "/registrations/[id]/answers",
    path: (s) => `/registrations/${s.registration}/answers`,
    expect: only(["owner"]),
  },
  { route: "/registrations/[id]/car", path: (s) => `/registrations/${s.registration}/car`, expect: only(["owner"]) },
  {
    route: "/registrations/[id]/waiver",
    path: (s) => `/registrations/${s.registration}/waiver`,
    expect: only(["owner"]),
  },
  { route: "/waiver/[token]", path: (s) => `/waiver/${s.waiverLinkToken}`, expect: everyone() },
  {
    route: "/registrations/[id]/transfer",
    path: (s) => `/registrations/${s.registration}/transfer`,
    expect: only(["owner"]),
  },
  { route: "/transfers/[token]", path: (s) => `/transfers/${s.transferToken}`, expect: only(["owner"]) },
  {
    route: "/registrations/[id]/choices",
    path: (s) => `/registrations/${s.lottery.entry}/choices`,
    expect: only(["owner"]),
  },
  { route: "/signin", path: () => "/signin", expect: everyone() },
  { route: "/signin/check-email", path: () => "/signin/check-email", expect: everyone() },
  { route: "/signin/confirm", path: () => "/signin/confirm", expect: everyone() },
  {
    route: "/tickets/[token]",
    path: (s) => `/tickets/${s.ticket}`,
    expect: everyone(),
    note: "whoever holds the signed ticket (the second driver's copy)",
  },
];

const checkIn = (s: Scene) =>
  JSON.stringify({
    checkIns: [{ clientId: crypto.randomUUID(), registrationId: s.registration, scannedAt: new Date().toISOString() }],
  });

export const routeRows: RouteRow[] = [
  {
    route: "/account/data.json",
    path: () => "/account/data.json",
    expect: only(signedIn, "404", "404"),
    note: "each person's own data",
  },
  {
    route: "/api/auth/[...nextauth]",
    path: () => "/api/auth/session",
    expect: everyone(),
    note: "Auth.js; the session it answers is the caller's own",
  },
  {
    route: "/api/dev/mail",
    path: () => "/api/dev/mail",
    expect: everyone(),
    note: "development mailbox: loopback only, 404 in production",
  },
  { route: "/api/events/[slug]/counts", path: (s) => `/api/events/${s.event.slug}/counts`, expect: everyone() },
  { route: "/api/health", path: () => "/api/health", expect: everyone() },
  { route: "/api/me", path: () => "/api/me", expect: everyone() },
  // Card payments are off in tests; with them on, only a body signed with the webhook's secret is read.
  { route: "/api/stripe/webhook", path: () => "/api/stripe/webhook", expect: only([], "404", "404") },
  {
    route: "/events/[slug]/draw/[runId]/[file]",
    path: (s) => `/events/${s.drawn.slug}/draw/${s.drawn.runId}/result.json`,
    expect: everyone(),
    note: "a run's public files, as on the draw page",
  },
  { route: "/events/[slug]/calendar.ics", path: (s) => `/events/${s.event.slug}/calendar.ics`, expect: everyone() },
  { route: "/icon.svg", path: () => "/icon.svg", expect: everyone() },
  { route: "/manifest.webmanifest", path: () => "/manifest.webmanifest", expect: everyone() },
  {
    route: "/organise/events/[slug]/check-in/data",
    path: (s) => `${e(s)}/check-in/data`,
    expect: only(clubStaff, "404", "401"),
  },
  {
    route: "/organise/events/[slug]/check-in/data",
    method: "POST",
    path: (s) => `${e(s)}/check-in/data`,
    expect: only(clubStaff, "404", "401"),
    body: (s) => ({ type: "application/json", data: checkIn(s) }),
  },
  {
    route: "/organise/events/[slug]/grid/[sessionId]/grid.csv",
    path: (s) => `${grid(s)}/grid.csv`,
    expect: only(clubStaff, "404", "404"),
  },
  {
    route: "/organise/events/[slug]/grid/[sessionId]/grid.pdf",
    path: (s) => `${grid(s)}/grid.pdf`,
    expect: only(clubStaff, "404", "404"),
  },
  { route: "/organise/events/[slug]/roster.csv", path: (s) => `${e(s)}/roster.csv`, expect: only(organisers) },
  { route: "/organise/events/[slug]/payments.csv", path: (s) => `${e(s)}/payments.csv`, expect: only(organisers) },
  { route: "/organise/events/[slug]/refunds.xml", path: (s) => `${e(s)}/refunds.xml`, expect: only(organisers) },
  {
    route: "/organise/events/[slug]/roster/data",
    path: (s) => `${e(s)}/roster/data`,
    expect: only(clubStaff, "404", "401"),
  },
  {
    route: "/registrations/[id]/waiver.pdf",
    path: (s) => `/registrations/${s.signedEntry}/waiver.pdf`,
    expect: only(["owner"]),
  },
  {
    route: "/registrations/[id]/receipt.pdf",
    path: (s) => `/registrations/${s.registration}/receipt.pdf`,
    expect: only(["owner"]),
  },
  {
    route: "/registrations/[id]/calendar.ics",
    path: (s) => `/registrations/${s.registration}/calendar.ics`,
    expect: only(["owner"], "404", "404"),
  },
  { route: "/serwist/[path]", path: () => "/serwist/sw.js", expect: everyone() },
];
