import Link from "next/link";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import type { PaymentRow } from "@/db/payments/event-payments";
import type { Locale } from "@/lib/locale";
import { formatEuro } from "@/lib/payments/money";
import type { PaymentStatus } from "@/lib/payments/ledger";

const COLUMNS = ["reference", "driver", "owed", "paid", "refunded", "status"] as const;
const AMOUNT_COLUMNS = ["owed", "paid", "refunded"] as const;
const AMOUNTS = new Set<string>(AMOUNT_COLUMNS);
// Right-aligned in the table's columns; on a phone three amounts side by side, each under its
// column's name (data-label): generated content, so it is neither in the cell's text nor read out
// twice (the empty alternative after "/"; screen readers hear the column header).
const AMOUNT_CELL =
  'sm:text-right max-sm:py-1 max-sm:before:block max-sm:before:text-sm max-sm:before:text-muted max-sm:before:content-[attr(data-label)_/_""]';
const TONE: Partial<Record<PaymentStatus, string>> = {
  overdue: "text-danger",
  unpaid: "text-warning",
  refundDue: "text-warning",
  paid: "text-success",
};

/**
 * Per registration what its places cost ("Owed"), what came in and what went back, and the
 * status; each row links to its own actions (`?row=<id>`), so the table works without script.
 * On a phone each row is a card (driver, reference, the three amounts labelled, status, action)
 * instead of seven columns to scroll sideways; it stays the same table for screen readers and tests.
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
      <table className="w-full text-left text-base max-sm:block sm:min-w-[40rem]">
        <thead className="bg-surface text-sm text-muted max-sm:sr-only">
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
        <tbody className="divide-y divide-line max-sm:block">
          {rows.map((r) => (
            <tr key={r.registrationId} className="max-sm:grid max-sm:grid-cols-3 max-sm:py-2">
              <td className="px-3 py-2 font-mono text-sm max-sm:col-span-3 max-sm:row-start-2 max-sm:py-0 max-sm:text-muted">
                {r.reference ?? "—"}
              </td>
              <td className="px-3 py-2 max-sm:col-span-3 max-sm:row-start-1 max-sm:pb-0 max-sm:font-semibold">
                {r.plaque ? <span className="text-muted">#{r.plaque} </span> : null}
                {r.driver}
                {r.active ? null : <span className="block text-sm font-normal text-muted">{t("cancelledPlace")}</span>}
              </td>
              {AMOUNT_COLUMNS.map((column) => (
                <td
                  key={column}
                  data-label={t(`columns.${column}`)}
                  className={`px-3 py-2 tabular-nums ${AMOUNT_CELL}`}
                >
                  {euro(column === "owed" ? r.balance.charged : r.balance[column])}
                </td>
              ))}
              <td className={`px-3 py-2 font-semibold max-sm:col-span-3 max-sm:py-1 ${TONE[r.status] ?? ""}`}>
                {t(`statuses.${r.status}`)}
              </td>
              <td className="px-3 py-2 max-sm:col-span-3 max-sm:py-0 sm:min-w-56" id={`row-${r.registrationId}`}>
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
