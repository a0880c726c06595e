import { only } from "./expect";
import { f, PREV, one, ref, type ActionRow } from "./matrix-helpers";

// The registration pages' rows of the authorisation matrix (/registrations/{id} and what hangs off
// it, and the transfer link), in the order of their files; matrix-actions.ts includes them.
export const registrationActionRows: ActionRow[] = [
  {
    action: "app/registrations/[id]/answers/actions.ts#changeAnswersAction",
    args: (s) => [s.registration, PREV, f({ [`answers.${s.question}`]: "yes" })],
    expect: only(["owner"], "refused"),
    effect: (c) => one(c, c.sql`select 1 as n from registration_answers where registration_id = ${c.s.registration}`),
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
    action: "app/registrations/[id]/actions.ts#acceptOfferAction",
    args: (s) => [ref(s), s.offer, PREV, f({})],
    expect: only(["owner"], "refused"),
    effect: (c) => one(c, c.sql`select 1 as n from place_offers where id = ${c.s.offer} and status = 'accepted'`),
  },
  {
    action: "app/registrations/[id]/actions.ts#declineOfferAction",
    args: (s) => [ref(s), s.offer, PREV, f({})],
    expect: only(["owner"], "refused"),
    effect: (c) => one(c, c.sql`select 1 as n from place_offers where id = ${c.s.offer} and status = 'declined'`),
  },
  {
    action: "app/registrations/[id]/transfer/actions.ts#offerTransferAction",
    args: (s) => [ref(s), PREV, f({ email: `taker-${s.tag}@ringmeet.test` })],
    expect: only(["owner"], "refused"),
    effect: (c) =>
      one(c, c.sql`select 1 as n from place_transfers where registration_id = ${c.s.registration} and status = 'open'`),
  },
  {
    action: "app/transfers/[token]/actions.ts#acceptTransferAction",
    args: (s) => [s.transferToken, PREV, f({ carId: s.spareCar })],
    expect: only(["owner"], "refused"),
    effect: (c) =>
      one(
        c,
        c.sql`select 1 as n from place_transfers where registration_id = ${c.s.otherRegistration} and status = 'accepted'`,
      ),
    // The token is the secret: a made-up one must be refused like a real one sent to someone else.
    secret: (s) => [s.transferToken],
  },
  {
    action: "app/registrations/[id]/actions.ts#payByCardAction",
    args: (s) => [ref(s), PREV, f({})],
    // Card payments are off in tests (no STRIPE_SECRET_KEY): everyone is refused, nothing is written.
    expect: only([], "refused"),
    effect: (c) =>
      one(c, c.sql`select 1 as n from ledger_entries where registration_id = ${c.s.registration} and method = 'card'`),
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
    action: "app/registrations/[id]/waiver/actions.ts#signWaiverAction",
    args: (s) => [
      s.registration,
      PREV,
      f({ fullName: "Matrix Owner", accept: "on", versionId: s.waiverVersion, language: "en" }),
    ],
    expect: only(["owner"], "refused"),
    effect: (c) => one(c, c.sql`select 1 as n from waiver_signatures where registration_id = ${c.s.registration}`),
  },
];
