import { randomUUID } from "node:crypto";
import { everyone, only, signedIn } from "./expect";
import { eventActionRows } from "./matrix-actions-events";
import { registrationActionRows } from "./matrix-actions-registrations";
import { f, PREV, one, me, carForm, type ActionRow } from "./matrix-helpers";

export { PREV, f, type ActionRow } from "./matrix-helpers";

// Rows of the authorisation matrix for server actions. Each is called over HTTP exactly as the
// authorised person's browser sends it (bound arguments, previous state, form), with each actor's
// cookie in turn; `effect` reads the database to tell whether the action did its work. In the
// order of their files; the event pages' rows are in matrix-actions-events.ts, the registration
// pages' (and a transfer's) in matrix-actions-registrations.ts.
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
    action: "app/bench/floor-action/actions.ts#floorAction",
    args: () => [f({})],
    expect: only([], "404"),
    effect: async () => false,
    note: "the benches' floor (app/bench/floor-action): off unless RINGMEET_BENCH_FLOOR=1, as in production",
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
    action: "app/invitations/[token]/actions.ts#acceptInvitationAction",
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
  ...eventActionRows,
  ...registrationActionRows,
  {
    action: "app/signin/actions.ts#requestSignInLinkAction",
    args: (s) => [PREV, f({ email: s.people.owner.email, callbackUrl: "/garage" })],
    expect: everyone(),
    effect: (c) => one(c, c.sql`select 1 as n from verification_tokens where identifier = ${c.s.people.owner.email}`),
    note: "mails a link to the address typed, whoever asks",
  },
  {
    action: "app/waiver/[token]/actions.ts#signAsSecondDriverAction",
    args: (s) => [
      s.waiverLinkToken,
      PREV,
      f({ fullName: "Matrix Second", accept: "on", versionId: s.waiverVersion, language: "en" }),
    ],
    expect: everyone(),
    note: "whoever holds the mailed link signs as the second driver, once",
    effect: (c) =>
      one(
        c,
        c.sql`select 1 as n from waiver_signatures where registration_id = ${c.s.registration} and signer = 'second_driver'`,
      ),
  },
];
