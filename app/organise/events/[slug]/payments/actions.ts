"use server";

import { redirect } from "next/navigation";
import { markAsPaid, grantRefund } from "@/db/payments/payments";
import { refundByCard } from "@/db/payments/card";
import { recordRefundsSent } from "@/db/payments/refunds";
import { confirmStatement, previewStatement } from "@/db/payments/statements";
import { refuse } from "@/db/result";
import { idArg, refArg, slugArg } from "@/lib/schemas/bound";
import { assignmentsOf, reasonSchema, statementSchema } from "@/lib/schemas/payments";
import { formAction } from "../../../../action";

const page = (slug: string) => `/organise/events/${slug}/payments`;

/** Reads and matches the uploaded statement; the page then shows the preview to confirm. */
export const importStatementAction = formAction(
  {
    bound: [slugArg],
    signIn: page,
    schema: statementSchema,
    input: (form) => ({ statement: form.get("statement") ?? undefined }),
    echo: () => ({}),
  },
  async ({ user, bound: [slug] }, { statement }) => {
    const previewed = await previewStatement(user.id, slug, { name: statement.name, text: await statement.text() });
    if (!previewed) return refuse("errors.notAllowed");
    if (!previewed.ok) return previewed;
    redirect(`${page(slug)}?import=${previewed.importId}`);
  },
);

/** Books the previewed lines (and the ambiguous ones assigned on the form). */
export const confirmImportAction = formAction(
  { bound: [slugArg, idArg], signIn: page },
  async ({ user, bound: [slug, importId], form }) => {
    const done = await confirmStatement(user.id, slug, importId, assignmentsOf(form));
    if (!done) return refuse("errors.notAllowed");
    if (!done.ok) return done;
    redirect(`${page(slug)}?booked=${done.booked}`);
  },
);

const row = ({ slug }: { slug: string }) => page(slug);

/** "Mark as paid" with a reason: what the registration still owes, in the organiser's name. */
export const markPaidAction = formAction(
  { bound: [refArg], signIn: row, schema: reasonSchema, fields: ["reason"] },
  async ({ user, bound: [ref] }, { reason }) => {
    const done = await markAsPaid(user.id, ref.slug, ref.id, reason);
    if (!done) return refuse("errors.notAllowed");
    if (!done.ok) return done;
    redirect(`${page(ref.slug)}?marked=1`);
  },
);

/** "Grant refund" with a reason, after the refund day. */
export const grantRefundAction = formAction(
  { bound: [refArg], signIn: row, schema: reasonSchema, fields: ["reason"] },
  async ({ user, bound: [ref] }, { reason }) => {
    const done = await grantRefund(user.id, ref.slug, ref.id, reason);
    if (!done) return refuse("errors.notAllowed");
    if (!done.ok) return done;
    redirect(`${page(ref.slug)}?granted=1`);
  },
);

/** "Record refunds as sent": after the SEPA file went to the bank, the refunds in it are booked. */
export const recordRefundsAction = formAction({ bound: [slugArg], signIn: page }, async ({ user, bound: [slug] }) => {
  const booked = await recordRefundsSent(user.id, slug);
  if (booked === null) return refuse("errors.notAllowed");
  redirect(`${page(slug)}?refunded=${booked}`);
});

/** "Refund by card": what is owed back on a card payment goes back through Stripe. */
export const refundByCardAction = formAction({ bound: [refArg], signIn: row }, async ({ user, bound: [ref] }) => {
  const cents = await refundByCard(user.id, ref.slug, ref.id);
  if (cents === null) return refuse("payments.errors.cardUnavailable");
  redirect(`${page(ref.slug)}?cardRefunded=${cents}`);
});
