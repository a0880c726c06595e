import Link from "next/link";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import type { PaymentRow } from "@/db/payments/event-payments";
import type { Locale } from "@/lib/locale";
import { formatEuro } from "@/lib/payments/money";
import type { PaymentStatus } from "@/lib/payments/ledger";

const COLUMNS = ["reference", "driver", "owed", "paid", "refunded", "status"] as const;
const AMOUNTS = new Set<string>(["owed", "paid", "refunded"]);
const TONE: Partial<Record<PaymentStatus, string>> = {
  overdue: "text-danger",
  unpaid: "text-warning",
  refundDue: "text-warning",
  paid: "text-success",
};

/**
 * Per registration what its places cost ("Owed"), what came in and what went back, and the
 * status; each row links to its own actions (`?row=<id>`), so the table works without script.
 */
export async function PaymentsTable({
  rows,
  slug,
  locale,
  open,
  cardRefund,
}: {
  rows: PaymentRow[];
  slug: string;
  locale: Locale;
  /** The row whose action form is open, and that form. */
  open: { id: string; form: ReactNode } | null;
  /** "Refund by card" for a row owed back on a card payment, when card payments are on. */
  cardRefund: ((registrationId: string) => ReactNode) | null;
}) {
  const t = await getTranslations("payments");
  const euro = (cents: number) => formatEuro(cents, locale);
  return (
    <div className="relative overflow-x-auto rounded-lg border-2 border-line bg-white">
      <table className="w-full min-w-[40rem] text-left text-base">
        <thead className="bg-surface text-sm text-muted">
          <tr>
            {COLUMNS.map((c) => (
              <th key={c} scope="col" className={`px-3 py-2 font-semibold ${AMOUNTS.has(c) ? "text-right" : ""}`}>
                {t(`columns.${c}`)}
              </th>
            ))}
            <th scope="col" className="px-3 py-2">
              <span className="sr-only">{t("columns.actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {rows.map((r) => (
            <tr key={r.registrationId}>
              <td className="px-3 py-2 font-mono text-sm">{r.reference ?? "—"}</td>
              <td className="px-3 py-2">
                {r.plaque ? <span className="text-muted">#{r.plaque} </span> : null}
                {r.driver}
                {r.active ? null : <span className="block text-sm text-muted">{t("cancelledPlace")}</span>}
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{euro(r.balance.charged)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{euro(r.balance.paid)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{euro(r.balance.refunded)}</td>
              <td className={`px-3 py-2 font-semibold ${TONE[r.status] ?? ""}`}>{t(`statuses.${r.status}`)}</td>
              <td className="min-w-56 px-3 py-2" id={`row-${r.registrationId}`}>
                {open?.id === r.registrationId ? (
                  open.form
                ) : r.balance.owed > 0 || (!r.active && r.balance.charged > 0) ? (
                  <Link
                    href={`/organise/events/${slug}/payments?row=${r.registrationId}#row-${r.registrationId}`}
                    className="inline-flex min-h-11 items-center font-semibold text-accent underline underline-offset-4"
                  >
                    {r.balance.owed > 0 ? t("markAsPaid") : t("grantRefund")}
                  </Link>
                ) : r.status === "refundDue" && r.card && cardRefund ? (
                  cardRefund(r.registrationId)
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
