import "server-only";
import type { Locale } from "@/lib/locale";
import { formatEuro } from "@/lib/payments/money";
import { formatDay } from "@/lib/time";
import { db } from "../client";
import { registrationPaperwork } from "../paperwork/status";
import { registrationMoney } from "../payments/reads";
import type { events, registrations } from "../schema";
import type { Translator } from "./compose";

export type ToDo = {
  owed: { cents: number; dueOn: string; reference: string } | null;
  paperwork: { missing: number; total: number } | null;
};

/**
 * What an owner still has to do for a registration, read when its mail is sent: the amount due
 * with its day and the transfer's reference, and the paperwork left. The registration page shows
 * the same (app/registrations/[id]); the mail says it so that nobody has to go looking.
 */
export async function toDoOf(
  reg: typeof registrations.$inferSelect,
  event: Pick<typeof events.$inferSelect, "id" | "startsOn">,
): Promise<ToDo> {
  const [money, { status }] = await Promise.all([
    registrationMoney(db(), reg),
    registrationPaperwork(db(), reg, event),
  ]);
  return {
    owed:
      money && money.balance.owed > 0 && money.dueOn
        ? { cents: money.balance.owed, dueOn: money.dueOn, reference: money.reference }
        : null,
    paperwork: status.missing.length > 0 ? { missing: status.missing.length, total: status.steps.length } : null,
  };
}

/** The to-do as the mail's lines, in the owner's language; none when nothing is left. */
export function toDoLines(t: Translator, locale: Locale, { owed, paperwork }: ToDo): string[] {
  return [
    ...(owed
      ? [
          t("registration.mail.amountDue", {
            amount: formatEuro(owed.cents, locale),
            date: formatDay(owed.dueOn, locale),
            reference: owed.reference,
          }),
        ]
      : []),
    ...(paperwork ? [t("registration.mail.paperworkToDo", { count: paperwork.missing, total: paperwork.total })] : []),
  ];
}
