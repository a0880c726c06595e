import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { env } from "@/env";
import { payByCardAction } from "./actions";
import { ButtonForm } from "@/components/form/button-form";
import { db } from "@/db/client";
import { registrationMoney } from "@/db/payments/reads";
import type { Registration } from "@/db/schema";
import { epcPayload } from "@/lib/payments/epc-qr";
import { formatIban } from "@/lib/payments/iban";
import { formatEuro } from "@/lib/payments/money";
import { qrDataUrl } from "@/lib/ticket-qr";
import { formatDay } from "@/lib/time";
import type { Locale } from "@/lib/locale";

const link = "inline-flex min-h-11 items-center font-semibold text-accent underline underline-offset-4";

/**
 * What the owner owes and how to pay it: the amount, the club's account, the reference and a
 * GiroCode (EPC069-12) a banking app scans. Nothing for a free event.
 */
export async function PaymentRegion({ registration, slug }: { registration: Registration; slug: string }) {
  const [money, t, locale] = await Promise.all([
    registrationMoney(db(), registration),
    getTranslations("payments"),
    getLocale() as Promise<Locale>,
  ]);
  if (!money) return null;
  const { balance, fees, status, dueOn } = money;
  const euro = (cents: number) => formatEuro(cents, locale);
  // "Pay by card" only when card payments are on (STRIPE_SECRET_KEY).
  const card = env().stripe ? { id: registration.id, slug } : null;
  const owes = balance.owed > 0 && fees.iban && fees.accountHolder;
  const qr = owes
    ? await qrDataUrl(
        epcPayload({
          bic: fees.bic ?? "",
          holder: fees.accountHolder!,
          iban: fees.iban!,
          cents: balance.owed,
          reference: money.reference,
        }),
      )
    : null;
  const headline =
    status === "paid"
      ? t("paid")
      : status === "refundDue"
        ? t("refundDue", { amount: euro(-balance.owed) })
        : status === "refunded"
          ? t("refunded")
          : status === "free"
            ? null
            : t("amountDue", { amount: euro(balance.owed) });
  if (!headline) return null;
  return (
    <Card className="flex flex-col gap-3">
      <section aria-labelledby="payment-heading" className="flex flex-col gap-3">
        <h2 id="payment-heading" className="text-xl font-bold">
          {t("region")}
        </h2>
        <p
          role="status"
          className={`text-lg font-bold ${status === "paid" || status === "refunded" ? "text-success" : "text-warning"}`}
        >
          {headline}
        </p>
        {status === "refundDue" ? <p className="text-base">{t("refundDueBody")}</p> : null}
        {owes && balance.paid > balance.refunded ? (
          <p className="text-base">{t("partPaid", { amount: euro(balance.paid - balance.refunded) })}</p>
        ) : null}
        {owes && dueOn ? (
          <p className={`text-base ${status === "overdue" ? "font-bold text-danger" : ""}`}>
            {status === "overdue"
              ? t("overdue", { date: formatDay(dueOn, locale) })
              : t("payBy", { date: formatDay(dueOn, locale) })}
          </p>
        ) : null}
        {owes ? (
          <BankTransfer
            qr={qr!}
            rows={[
              [t("holder"), fees.accountHolder!, false],
              [t("iban"), formatIban(fees.iban!), true],
              ...(fees.bic ? [[t("bic"), fees.bic, true] as Row] : []),
              [t("amount"), euro(balance.owed), true],
            ]}
            reference={money.reference}
            words={{ title: t("transferTitle"), hint: t("transferHint"), qrAlt: t("qrAlt"), reference: t("reference") }}
          />
        ) : null}
        {owes && card ? <ButtonForm action={payByCardAction.bind(null, card)} button={t("payByCard")} /> : null}
        {balance.paid > 0 ? (
          <a href={`/registrations/${registration.id}/receipt.pdf`} className={link}>
            {t("downloadReceipt")}
          </a>
        ) : null}
      </section>
    </Card>
  );
}

type Words = { title: string; hint: string; qrAlt: string; reference: string };
/** Label, value, and whether it is typed character by character (monospace: IBAN, BIC, amount). */
type Row = [string, string, boolean];

function BankTransfer({ qr, rows, reference, words }: { qr: string; rows: Row[]; reference: string; words: Words }) {
  return (
    <div className="flex flex-col gap-3 rounded-lg border-2 border-line p-3">
      <h3 className="text-lg font-bold">{words.title}</h3>
      <p className="text-base text-muted">{words.hint}</p>
      {/* eslint-disable-next-line @next/next/no-img-element -- a data URL made on the server */}
      <img
        src={qr}
        alt={words.qrAlt}
        width={220}
        height={220}
        className="h-56 w-56 self-center rounded-lg bg-white p-2"
      />
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-base">
        {rows.map(([label, value, mono]) => (
          <div key={label} className="contents">
            <dt className="font-semibold text-muted">{label}</dt>
            {/* An IBAN wraps between its groups of four, never inside one (someone types it from here). */}
            <dd className={`break-words ${mono ? "font-mono" : ""}`}>{value}</dd>
          </div>
        ))}
      </dl>
      <p className="text-lg">
        {words.reference}
        <strong className="font-mono tracking-wide">{reference}</strong>
      </p>
    </div>
  );
}
