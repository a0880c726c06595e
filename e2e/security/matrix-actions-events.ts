import { clubStaff, only, organisers } from "./expect";
import { f, PREV, one, ref, gridRef, eventForm, type ActionRow } from "./matrix-helpers";
import type { Scene } from "./scene";

/** A bank statement (CSV) with one line paying the owner's registration by its amount and name. */
const statementForm = (_s: Scene) => {
  const form = new FormData();
  const csv = "Date;Amount;Reference;Name\n02.05.2031;35,00;Startgeld;Matrix Owner\n";
  form.append("statement", new File([csv], "matrix-upload.csv", { type: "text/csv" }));
  return form;
};

/** A valid fees form: an entry fee (€43.21, which nothing else writes), a session's price and the account. */
const feesForm = (s: Scene) =>
  f({
    entry: "43,21",
    [`price.${s.event.sessions[0]}`]: "120",
    accountHolder: "Matrix Club",
    iban: "DE89 3704 0044 0532 0130 00",
    payWithinDays: "14",
    offerHours: "24",
    transferRule: "recipient_pays",
  });

// The matrix rows of the organiser's event pages: the event, its roster, gate, draw, grid, plaques and mail.
export const eventActionRows: ActionRow[] = [
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
    // The other owner's car: its waiver is signed in the scene, so its paperwork is complete.
    args: (s) => [s.event.slug, f({ registrationId: s.otherRegistration, q: "" })],
    expect: only(clubStaff),
    effect: (c) =>
      one(c, c.sql`select 1 as n from registrations where id = ${c.s.otherRegistration} and checked_in_at is not null`),
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
    action: "app/organise/events/[slug]/fees/actions.ts#saveFeesAction",
    args: (s) => [s.event.slug, PREV, feesForm(s)],
    expect: only(organisers, "refused"),
    effect: (c) => one(c, c.sql`select 1 as n from event_fees where event_id = ${c.s.event.id} and entry_cents = 4321`),
  },
  {
    action: "app/organise/events/[slug]/payments/actions.ts#importStatementAction",
    args: (s) => [s.event.slug, PREV, statementForm(s)],
    expect: only(organisers, "refused"),
    effect: (c) =>
      one(
        c,
        c.sql`select 1 as n from statement_imports where event_id = ${c.s.event.id} and file_name = 'matrix-upload.csv'`,
      ),
  },
  {
    action: "app/organise/events/[slug]/payments/actions.ts#confirmImportAction",
    args: (s) => [s.event.slug, s.statementImport, PREV, f({})],
    expect: only(organisers, "refused"),
    effect: (c) => one(c, c.sql`select 1 as n from bank_lines where key = ${`matrix-line-${c.s.tag}`}`),
  },
  {
    action: "app/organise/events/[slug]/payments/actions.ts#recordRefundsAction",
    args: (s) => [s.event.slug, PREV, f({})],
    expect: only(organisers, "refused"),
    effect: (c) =>
      one(
        c,
        c.sql`select 1 as n from ledger_entries where registration_id = ${c.s.otherRegistration} and kind = 'refund'`,
      ),
  },
  {
    action: "app/organise/events/[slug]/payments/actions.ts#refundByCardAction",
    args: (s) => [{ id: s.otherRegistration, slug: s.event.slug }, PREV, f({})],
    // Card payments are off in tests (no STRIPE_SECRET_KEY): refused for everyone, nothing written.
    expect: only([], "refused"),
    effect: (c) =>
      one(
        c,
        c.sql`select 1 as n from ledger_entries where registration_id = ${c.s.otherRegistration} and method = 'card'`,
      ),
  },
  {
    action: "app/organise/events/[slug]/payments/actions.ts#markPaidAction",
    args: (s) => [ref(s), PREV, f({ reason: "Paid in cash at the club evening" })],
    expect: only(organisers, "refused"),
    effect: (c) =>
      one(
        c,
        c.sql`select 1 as n from ledger_entries where registration_id = ${c.s.registration} and method = 'manual' and reason is not null`,
      ),
  },
  {
    action: "app/organise/events/[slug]/payments/actions.ts#grantRefundAction",
    args: (s) => [{ id: s.cancelledPaid, slug: s.event.slug }, PREV, f({ reason: "Broke down on the way" })],
    expect: only(organisers, "refused"),
    effect: (c) =>
      one(c, c.sql`select 1 as n from ledger_entries where registration_id = ${c.s.cancelledPaid} and kind = 'credit'`),
  },
  {
    action: "app/organise/events/[slug]/paperwork/actions.ts#savePaperworkAction",
    args: (s) => [s.event.slug, PREV, f({ waiverEn: "Matrix waiver", waiverDe: "Matrix-Verzicht", intent: "save" })],
    expect: only(organisers, "refused"),
    effect: (c) =>
      one(c, c.sql`select 1 as n from waiver_versions where event_id = ${c.s.event.id} and text_en = 'Matrix waiver'`),
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
];
