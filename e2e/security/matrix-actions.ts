import { randomUUID } from "node:crypto";
import type { Sql } from "../fixtures/db";
import type { Actor } from "./actors";
import { clubStaff, everyone, only, organisers, signedIn, type Cells } from "./expect";
import type { Scene } from "./scene";

// Rows of the authorisation matrix for server actions. Each is called over HTTP exactly as the
// authorised person's browser sends it (bound arguments, previous state, form), with each actor's
// cookie in turn; `effect` reads the database to tell whether the action did its work.

type Ctx = { sql: Sql; s: Scene; actor: Actor };
type Prepared = Record<string, string>;
export type ActionRow = {
  action: string;
  args: (s: Scene, prepared: Prepared) => unknown[];
  effect: (c: Ctx) => Promise<boolean>;
  expect: Cells;
  /** Runs before the call (calling other actions as the scene's admin); what it returns goes to `args`. */
  prepare?: (c: Ctx & { run: (action: string, args: unknown[]) => Promise<void> }) => Promise<Prepared>;
  /**
   * The ids a refused caller must not learn exist (default: every id and slug of the scene): the
   * call with these made up must get the same answer. Null: the answer may differ, see the note.
   */
  secret?: ((s: Scene) => string[]) | null;
  note?: string;
};

/** A FormData from fields; an array is a repeated field, as a form sends ticked boxes. */
export function f(fields: Record<string, string | string[]>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) form.append(name, v);
  return form;
}

/** The state a form starts with (useActionState's initial value), sent before the form. */
export const PREV = { ok: true };
const one = async (c: Ctx, query: Promise<{ n: number }[]>) => ((await query)[0]?.n ?? 0) > 0;
const me = (c: Ctx) => (c.actor === "anonymous" ? null : c.s.people[c.actor].id);
const ref = (s: Scene) => ({ id: s.registration, slug: s.event.slug });
const gridRef = (s: Scene) => ({ slug: s.event.slug, sessionId: s.event.sessions[0]! });
const vin = () =>
  `WBSUR9C5${randomUUID()
    .replace(/[^0-9a-h]/g, "")
    .slice(0, 9)
    .toUpperCase()}`;
const carForm = (nickname: string) =>
  f({
    model: "bmw-1m-e82",
    year: "2011",
    colour: "Alpine White",
    vin: vin(),
    plate: "AB-C 123",
    plateCountry: "DE",
    nickname,
  });
const eventForm = (s: Scene, name: string) => {
  const day = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
  return f({
    name,
    startsOn: day,
    endsOn: day,
    registrationOpensAt: "2020-01-01T09:00",
    registrationClosesAt: `${new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10)}T09:00`,
    allocation: "fcfs",
    "sessions.0.id": s.event.sessions[0]!,
    "sessions.0.name": "Session 1",
    "sessions.0.kind": "paddock",
    "sessions.0.day": day,
    "sessions.0.start": "09:00",
    "sessions.0.end": "10:00",
    "sessions.0.capacity": "10",
    "sessions.1.id": s.event.sessions[1]!,
    "sessions.1.name": "Session 2",
    "sessions.1.kind": "paddock",
    "sessions.1.day": day,
    "sessions.1.start": "11:00",
    "sessions.1.end": "12:00",
    "sessions.1.capacity": "1",
    "sessions.2.id": s.event.sessions[2]!,
    "sessions.2.name": "Session 3",
    "sessions.2.kind": "paddock",
    "sessions.2.day": day,
    "sessions.2.start": "13:00",
    "sessions.2.end": "14:00",
    "sessions.2.capacity": "10",
  });
};

export const actionRows: ActionRow[] = [
  {
    action: "app/actions.ts#setLocaleAction",
    args: () => [f({ locale: "de" })],
    expect: everyone(),
    effect: async () => true,
    note: "sets the visitor's language cookie only",
  },
  {
    action: "app/actions.ts#signOutAction",
    args: () => [],
    expect: everyone(),
    note: "ends the caller's own session",
    effect: async (c) =>
      c.actor === "anonymous" || !(await one(c, c.sql`select 1 as n from sessions where user_id = ${me(c)}`)),
  },
  {
    action: "app/account/actions.ts#saveProfileAction",
    args: () => [PREV, f({ fullName: "Renamed Person", locale: "en" })],
    expect: only(signedIn),
    effect: (c) => one(c, c.sql`select 1 as n from users where id = ${me(c)} and full_name = 'Renamed Person'`),
    note: "the caller's own profile",
  },
  {
    action: "app/account/actions.ts#removePasskeyAction",
    args: (s) => [f({ credentialId: s.passkey })],
    expect: only(["owner"], "refused"),
    effect: async (c) => !(await one(c, c.sql`select 1 as n from authenticators where credential_id = ${c.s.passkey}`)),
  },
  {
    // The scene's admin is its club's only admin: refused until someone else is one (the page says so).
    action: "app/account/actions.ts#deleteAccountAction",
    args: () => [],
    expect: { ...only(signedIn), admin: "refused" },
    note: "the caller's own account; a club's only admin is refused",
    effect: async (c) =>
      c.actor !== "anonymous" && !(await one(c, c.sql`select 1 as n from users where id = ${me(c)}`)),
  },
  {
    action: "app/events/[slug]/register/actions.ts#registerAction",
    expect: only(["owner"], "refused"),
    secret: (s) => [s.spareCar],
    args: (s) => [
      s.event.slug,
      PREV,
      f({
        eventId: s.event.id,
        carId: s.spareCar,
        sessionIds: [s.event.sessions[2]!],
        acceptRules: "on",
        idempotencyKey: randomUUID(),
      }),
    ],
    effect: (c) =>
      one(c, c.sql`select 1 as n from registrations where car_id = ${c.s.spareCar} and event_id = ${c.s.event.id}`),
  },
  {
    action: "app/events/[slug]/register/actions.ts#enterLotteryAction",
    expect: only(["owner"], "refused"),
    secret: (s) => [s.spareCar],
    args: (s) => [
      s.lottery.slug,
      PREV,
      f({
        eventId: s.lottery.id,
        carId: s.spareCar,
        choice1: s.lottery.sessions[1]!,
        acceptRules: "on",
        idempotencyKey: randomUUID(),
      }),
    ],
    effect: (c) =>
      one(c, c.sql`select 1 as n from registrations where car_id = ${c.s.spareCar} and event_id = ${c.s.lottery.id}`),
  },
  {
    action: "app/garage/actions.ts#saveCarAction",
    args: (s) => [s.car, PREV, carForm("Matrix")],
    expect: only(["owner"], "refused"),
    effect: (c) => one(c, c.sql`select 1 as n from cars where id = ${c.s.car} and nickname = 'Matrix'`),
  },
  {
    action: "app/garage/actions.ts#deleteCarAction",
    args: (s) => [s.spareCar, PREV, f({})],
    expect: only(["owner"], "refused"),
    effect: async (c) => !(await one(c, c.sql`select 1 as n from cars where id = ${c.s.spareCar}`)),
  },
  {
    action: "app/organise/actions.ts#createClubAction",
    args: (s) => [PREV, f({ name: `Matrix club ${s.tag}` })],
    expect: only(signedIn),
    effect: (c) =>
      one(
        c,
        c.sql`select 1 as n from clubs join club_members m on m.club_id = clubs.id where clubs.name = ${`Matrix club ${c.s.tag}`} and m.user_id = ${me(c)} and m.role = 'admin'`,
      ),
  },
  {
    action: "app/organise/actions.ts#inviteAction",
    args: (s) => [s.club.slug, PREV, f({ email: `invitee-${s.tag}@example.test`, role: "organiser" })],
    expect: only(["admin"], "refused"),
    effect: (c) =>
      one(
        c,
        c.sql`select 1 as n from club_invitations where club_id = ${c.s.club.id} and email = ${`invitee-${c.s.tag}@example.test`}`,
      ),
  },
  {
    action: "app/organise/actions.ts#setRoleAction",
    args: (s) => [s.club.slug, f({ role: "organiser", memberId: s.people.gate.id })],
    expect: only(["admin"], "refused"),
    effect: (c) =>
      one(
        c,
        c.sql`select 1 as n from club_members where club_id = ${c.s.club.id} and user_id = ${c.s.people.gate.id} and role = 'organiser'`,
      ),
  },
  {
    action: "app/organise/actions.ts#acceptInvitationAction",
    args: (s) => [s.invitationToken],
    expect: only(["owner"], "refused"),
    secret: null,
    note: "the invited address only; anyone else holding the link is told it was sent to another address",
    effect: (c) =>
      one(
        c,
        c.sql`select 1 as n from club_members where club_id = ${c.s.club.id} and user_id = ${c.s.people.owner.id}`,
      ),
  },
  {
    action: "app/organise/events/actions.ts#saveEventAction",
    args: (s) => [s.event.slug, PREV, eventForm(s, `Matrix meet ${s.tag}`)],
    expect: only(organisers, "refused"),
    effect: (c) =>
      one(c, c.sql`select 1 as n from events where id = ${c.s.event.id} and name = ${`Matrix meet ${c.s.tag}`}`),
  },
  {
    action: "app/organise/events/actions.ts#cancelEventAction",
    args: (s) => [s.event.slug],
    expect: only(organisers, "refused"),
    effect: (c) => one(c, c.sql`select 1 as n from events where id = ${c.s.event.id} and status = 'cancelled'`),
  },
  {
    action: "app/organise/events/[slug]/broadcast/actions.ts#broadcastAction",
    args: (s) => [s.event.slug, PREV, f({ audience: "confirmed", subject: "Gates open at 8", body: "See you there." })],
    expect: only(organisers),
    effect: (c) => one(c, c.sql`select 1 as n from broadcasts where event_id = ${c.s.event.id}`),
  },
  {
    action: "app/organise/events/[slug]/check-in/actions.ts#checkInFormAction",
    args: (s) => [s.event.slug, f({ registrationId: s.registration, q: "" })],
    expect: only(clubStaff),
    effect: (c) =>
      one(c, c.sql`select 1 as n from registrations where id = ${c.s.registration} and checked_in_at is not null`),
  },
  {
    action: "app/organise/events/[slug]/checklist/actions.ts#addChecklistItemAction",
    args: (s) => [s.event.slug, f({ label: "Insurance seen" })],
    expect: only(organisers),
    effect: (c) =>
      one(c, c.sql`select 1 as n from checklist_items where event_id = ${c.s.event.id} and label = 'Insurance seen'`),
  },
  {
    action: "app/organise/events/[slug]/checklist/actions.ts#removeChecklistItemAction",
    args: (s) => [s.event.slug, s.checklistItem],
    expect: only(organisers, "refused"),
    effect: async (c) => !(await one(c, c.sql`select 1 as n from checklist_items where id = ${c.s.checklistItem}`)),
  },
  {
    action: "app/organise/events/[slug]/draw/actions.ts#runDrawAction",
    args: (s) => [s.closedLottery.slug],
    expect: only(organisers),
    effect: (c) => one(c, c.sql`select 1 as n from draws where event_id = ${c.s.closedLottery.id}`),
  },
  {
    action: "app/organise/events/[slug]/draw/actions.ts#publishDrawAction",
    expect: only(organisers),
    prepare: async ({ sql, s, run }) => {
      await run("app/organise/events/[slug]/draw/actions.ts#runDrawAction", [s.closedLottery.slug]);
      const [draw] = await sql<{ id: string }[]>`select id from draws where event_id = ${s.closedLottery.id}`;
      return { drawId: draw!.id };
    },
    args: (s, prepared) => [s.closedLottery.slug, prepared.drawId!],
    effect: (c) =>
      one(c, c.sql`select 1 as n from draws where event_id = ${c.s.closedLottery.id} and published_at is not null`),
  },
  {
    action: "app/organise/events/[slug]/grid/[sessionId]/actions.ts#generateGridAction",
    args: (s) => [gridRef(s), f({ mode: "plaque" })],
    expect: only(organisers),
    effect: (c) => one(c, c.sql`select 1 as n from parade_grids where session_id = ${c.s.event.sessions[0]!}`),
  },
  {
    action: "app/organise/events/[slug]/grid/[sessionId]/actions.ts#moveCarAction",
    args: (s) => [gridRef(s), 1, 2],
    expect: only(organisers),
    effect: (c) => one(c, c.sql`select 1 as n from parade_grids where session_id = ${c.s.event.sessions[0]!}`),
  },
  {
    action: "app/organise/events/[slug]/grid/[sessionId]/actions.ts#saveOrderAction",
    args: (s) => [gridRef(s), [s.otherRegistration, s.registration]],
    expect: only(organisers, "refused"),
    effect: (c) => one(c, c.sql`select 1 as n from parade_grids where session_id = ${c.s.event.sessions[0]!}`),
  },
  {
    action: "app/organise/events/[slug]/mail/actions.ts#retryMailAction",
    args: (s) => [s.event.slug, s.failedMail],
    expect: only(organisers),
    // The worker may have sent it by the time this looks: the audit line is what stays.
    effect: (c) =>
      one(c, c.sql`select 1 as n from audit_log where action = 'mail.retry' and detail->>'mailId' = ${c.s.failedMail}`),
  },
  {
    action: "app/organise/events/[slug]/plaques/actions.ts#assignPlaquesAction",
    args: (s) => [s.event.slug, f({ rule: "registration-order" })],
    expect: only(organisers),
    effect: (c) =>
      one(c, c.sql`select 1 as n from registrations where id = ${c.s.otherRegistration} and plaque is not null`),
  },
  {
    action: "app/organise/events/[slug]/plaques/actions.ts#changePlaqueAction",
    args: (s) => [s.event.slug, s.registration, f({ plaque: "42" })],
    expect: only(organisers),
    effect: (c) => one(c, c.sql`select 1 as n from registrations where id = ${c.s.registration} and plaque = 42`),
  },
  {
    action: "app/organise/events/[slug]/roster/actions.ts#moveAction",
    expect: only(organisers, "refused"),
    args: (s) => [
      ref(s),
      PREV,
      f({ fromSessionId: s.event.sessions[0]!, toSessionId: s.event.sessions[2]!, overbook: "", reason: "Matrix" }),
    ],
    effect: (c) =>
      one(
        c,
        c.sql`select 1 as n from registration_sessions where registration_id = ${c.s.registration} and session_id = ${c.s.event.sessions[2]!}`,
      ),
  },
  {
    action: "app/organise/events/[slug]/roster/actions.ts#promoteAction",
    expect: only(organisers, "refused"),
    args: (s) => [ref(s), PREV, f({ sessionId: s.event.sessions[1]!, overbook: "1", reason: "Matrix promotion" })],
    effect: (c) =>
      one(
        c,
        c.sql`select 1 as n from registration_sessions where registration_id = ${c.s.registration} and session_id = ${c.s.event.sessions[1]!} and status = 'confirmed'`,
      ),
  },
  {
    action: "app/organise/events/[slug]/roster/actions.ts#removeAction",
    args: (s) => [ref(s), PREV, f({ reason: "Matrix removal" })],
    expect: only(organisers, "refused"),
    effect: (c) =>
      one(c, c.sql`select 1 as n from registrations where id = ${c.s.registration} and status = 'cancelled'`),
  },
  {
    action: "app/organise/events/[slug]/roster/actions.ts#bulkAction",
    args: (s) => [s.event.slug, PREV, f({ ids: [s.registration], intent: "remove", reason: "Matrix removal" })],
    expect: only(organisers, "refused"),
    effect: (c) =>
      one(c, c.sql`select 1 as n from registrations where id = ${c.s.registration} and status = 'cancelled'`),
  },
  {
    action: "app/registrations/[id]/actions.ts#changeSessionsAction",
    args: (s) => [ref(s), PREV, f({ sessionIds: [s.event.sessions[0]!, s.event.sessions[2]!] })],
    expect: only(["owner"], "refused"),
    effect: (c) =>
      one(
        c,
        c.sql`select 1 as n from registration_sessions where registration_id = ${c.s.registration} and session_id = ${c.s.event.sessions[2]!}`,
      ),
  },
  {
    action: "app/registrations/[id]/actions.ts#cancelRegistrationAction",
    args: (s) => [ref(s), PREV, f({})],
    expect: only(["owner"], "refused"),
    effect: (c) =>
      one(c, c.sql`select 1 as n from registrations where id = ${c.s.registration} and status = 'cancelled'`),
  },
  {
    action: "app/registrations/[id]/actions.ts#changeCarAction",
    args: (s) => [ref(s), PREV, f({ carId: s.spareCar })],
    expect: only(["owner"], "refused"),
    effect: (c) =>
      one(c, c.sql`select 1 as n from registrations where id = ${c.s.registration} and car_id = ${c.s.spareCar}`),
  },
  {
    action: "app/registrations/[id]/actions.ts#changeEntryAction",
    args: (s) => [{ id: s.lottery.entry, slug: s.lottery.slug }, PREV, f({ choice1: s.lottery.sessions[1]! })],
    expect: only(["owner"], "refused"),
    effect: (c) =>
      one(
        c,
        c.sql`select 1 as n from entry_choices where registration_id = ${c.s.lottery.entry} and session_id = ${c.s.lottery.sessions[1]!}`,
      ),
  },
  {
    action: "app/signin/actions.ts#requestSignInLinkAction",
    args: (s) => [PREV, f({ email: s.people.owner.email, callbackUrl: "/garage" })],
    expect: everyone(),
    effect: (c) => one(c, c.sql`select 1 as n from verification_tokens where identifier = ${c.s.people.owner.email}`),
    note: "mails a link to the address typed, whoever asks",
  },
];
