import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { getEventPayments, type PaymentFilter } from "@/db/payments/event-payments";
import { getStatementImport } from "@/db/payments/statements";
import { env } from "@/env";
import type { Locale } from "@/lib/locale";
import { formatEuro } from "@/lib/payments/money";
import { isUuid } from "@/lib/uuid";
import { requireUser } from "../../../../session";
import { SettingsPage } from "../../_components/settings-page";
import {
  confirmImportAction,
  grantRefundAction,
  importStatementAction,
  markPaidAction,
  recordRefundsAction,
  refundByCardAction,
} from "./actions";
import { ImportPreview } from "./_components/import-preview";
import { ButtonForm } from "@/components/form/button-form";
import { ImportForm, ReasonForm } from "./_components/payment-forms";
import { PaymentsTable } from "./_components/payments-table";

type Search = {
  filter?: string;
  import?: string;
  row?: string;
  booked?: string;
  marked?: string;
  granted?: string;
  refunded?: string;
  cardRefunded?: string;
};
type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Search> };

const FILTERS: PaymentFilter[] = ["all", "unpaid", "overdue", "refundDue"];
const link = "inline-flex min-h-11 items-center font-semibold text-accent underline underline-offset-4";

export default async function PaymentsPage({ params, searchParams }: Props) {
  const [{ slug }, search] = await Promise.all([params, searchParams]);
  const user = await requireUser(`/organise/events/${slug}/payments`);
  const filter = FILTERS.find((f) => f === search.filter) ?? "all";
  const data = await getEventPayments(user.id, slug, filter);
  if (!data) notFound();
  const [t, locale] = await Promise.all([getTranslations("payments"), getLocale() as Promise<Locale>]);
  const euro = (cents: number) => formatEuro(cents, locale);
  const kept = search.import && isUuid(search.import) ? await getStatementImport(user.id, slug, search.import) : null;
  const names = new Map(data.rows.map((r) => [r.registrationId, `${r.plaque ? `#${r.plaque} ` : ""}${r.driver}`]));
  const open = data.rows.find((r) => r.registrationId === search.row) ?? null;
  const ref = open ? { slug, id: open.registrationId } : null;
  const done = search.booked
    ? t("bookedCount", { count: Number(search.booked) || 0 })
    : search.marked
      ? t("markedPaid")
      : search.granted
        ? t("refundGranted")
        : search.refunded
          ? t("refundsRecorded", { count: Number(search.refunded) || 0 })
          : search.cardRefunded
            ? t("cardRefunded", { amount: euro(Number(search.cardRefunded) || 0) })
            : null;
  const { totals } = data;
  return (
    <SettingsPage title={t("title")} eventName={data.event.name} intro={t("intro")} saved={done}>
      <Card className="grid grid-cols-2 gap-x-4 gap-y-1 text-base sm:grid-cols-3">
        {(
          [
            ["totalCharged", totals.charged],
            ["totalPaid", totals.paid],
            ["totalRefunded", totals.refunded],
            ["totalOutstanding", totals.outstanding],
            ["totalRefundsDue", totals.refundsDue],
          ] as const
        ).map(([key, cents]) => (
          <p key={key}>
            <span className="block text-sm text-muted">{t(key)}</span>
            <span className="text-lg font-bold tabular-nums">{euro(cents)}</span>
          </p>
        ))}
      </Card>
      <Card className="flex flex-col gap-3">
        <h2 className="text-xl font-bold">{t("importTitle")}</h2>
        {kept ? (
          <ImportPreview
            lines={kept.lines}
            names={names}
            locale={locale}
            confirm={kept.confirmedAt ? null : confirmImportAction.bind(null, slug, kept.id)}
          />
        ) : (
          <ImportForm action={importStatementAction.bind(null, slug)} />
        )}
      </Card>
      <nav aria-label={t("filters")} className="flex flex-wrap gap-x-4">
        {FILTERS.map((f) => (
          <Link key={f} href={`?filter=${f}`} className={link} aria-current={f === filter ? "page" : undefined}>
            {t(`filter.${f}`)}
          </Link>
        ))}
      </nav>
      <PaymentsTable
        cardRefund={
          env().stripe
            ? (id) => <ButtonForm action={refundByCardAction.bind(null, { slug, id })} button={t("refundByCard")} />
            : null
        }
        rows={data.rows}
        slug={slug}
        locale={locale}
        open={
          open && ref
            ? {
                id: open.registrationId,
                form:
                  open.balance.owed > 0 ? (
                    <ReasonForm
                      action={markPaidAction.bind(null, ref)}
                      button={t("markAsPaid")}
                      id={open.registrationId}
                    />
                  ) : (
                    <ReasonForm
                      action={grantRefundAction.bind(null, ref)}
                      button={t("grantRefund")}
                      id={open.registrationId}
                    />
                  ),
              }
            : null
        }
      />
      {totals.refundsDue > 0 ? (
        <ButtonForm
          action={recordRefundsAction.bind(null, slug)}
          button={t("recordRefunds")}
          hint={t("recordRefundsHint")}
        />
      ) : null}
      <div className="flex flex-wrap gap-x-4">
        <a href={`/organise/events/${slug}/payments.csv`} className={link}>
          {t("exportCsv")}
        </a>
        <a href={`/organise/events/${slug}/refunds.xml`} className={link}>
          {t("downloadSepa")}
        </a>
      </div>
    </SettingsPage>
  );
}
