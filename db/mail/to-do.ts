import "server-only";
import { sql } from "drizzle-orm";
import type { Locale } from "@/lib/locale";
import { formatEuro } from "@/lib/payments/money";
import { formatDay } from "@/lib/time";
import { db } from "../client";
import { registrationPaperwork } from "../paperwork/status";
import { registrationBalance } from "../payments/reads";
import { sqlRows } from "../query";
import type { events, registrations } from "../schema";
import type { Translator } from "./compose";

export type ToDo = {
  /** The reference is null for a registration made before its event had fees (the page gives it one). */
  owed: { cents: number; dueOn: string; reference: string | null } | null;
  paperwork: { missing: number; total: number } | null;
};

/**
 * What an owner still has to do for a registration, read when its mail is sent: the amount due
 * with its day and the transfer's reference, and the paperwork left, as the registration page
 * shows them (app/registrations/[id]), so that nobody has to go looking. It only reads: a worker
 * composing a mail changes nothing (a missing reference is given by the registration page).
 */
export async function toDoOf(
  reg: typeof registrations.$inferSelect,
  event: Pick<typeof events.$inferSelect, "id" | "startsOn">,
): Promise<ToDo> {
  // Most events ask neither money nor paperwork: one read says so, before the seven that would.
  const [asks] = await sqlRows<{ fees: boolean; paperwork: boolean }>(
    db(),
    sql`select exists (select 1 from event_fees where event_id = ${event.id}) as fees,
      exists (select 1 from event_paperwork where event_id = ${event.id})
        or exists (select 1 from waiver_versions where event_id = ${event.id})
        or exists (select 1 from event_questions where event_id = ${event.id}) as paperwork`,
  );
  const [money, paperwork] = await Promise.all([
    asks?.fees ? registrationBalance(db(), reg) : null,
    asks?.paperwork ? registrationPaperwork(db(), reg, event) : null,
  ]);
  const missing = paperwork?.status.missing.length ?? 0;
  return {
    owed:
      money && money.balance.owed > 0 && money.dueOn
        ? { cents: money.balance.owed, dueOn: money.dueOn, reference: reg.paymentReference }
        : null,
    paperwork: missing > 0 ? { missing, total: paperwork!.status.steps.length } : null,
  };
}

/** The to-do as the mail's lines, in the owner's language; none when nothing is left. */
export function toDoLines(t: Translator, locale: Locale, { owed, paperwork }: ToDo): string[] {
  return [
    ...(owed
      ? [
          t(owed.reference ? "registration.mail.amountDue" : "registration.mail.amountDueSeePage", {
            amount: formatEuro(owed.cents, locale),
            date: formatDay(owed.dueOn, locale),
            reference: owed.reference ?? "",
          }),
        ]
      : []),
    ...(paperwork ? [t("registration.mail.paperworkToDo", { count: paperwork.missing, total: paperwork.total })] : []),
  ];
}
